package org.hotline.core.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.ArgType;
import com.ibm.icu.text.MessagePattern.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What ICU's own parser says about one message: its argument names and the keywords of each plural. */
record Placeholders(Set<String> names, List<Set<String>> pluralKeywords) {

    /** Parses {@code text} as ICU MessageFormat; an {@link IllegalArgumentException} says where it fails. */
    static Placeholders of(String text) {
        MessagePattern pattern = new MessagePattern(MessagePattern.ApostropheMode.DOUBLE_OPTIONAL);
        pattern.parse(text);
        Set<String> names = new TreeSet<>();
        List<Set<String>> plurals = new ArrayList<>();
        for (int i = 0; i < pattern.countParts(); i++) {
            Part part = pattern.getPart(i);
            if (part.getType() == Part.Type.ARG_NAME || part.getType() == Part.Type.ARG_NUMBER) {
                names.add(pattern.getSubstring(part));
            }
            if (part.getType() == Part.Type.ARG_START && part.getArgType() == ArgType.PLURAL) {
                plurals.add(keywords(pattern, i));
            }
        }
        return new Placeholders(names, plurals);
    }

    /** The plain keywords (one, few, other ...) of the plural starting at part {@code start}; {@code =n} left out. */
    private static Set<String> keywords(MessagePattern pattern, int start) {
        Set<String> keywords = new TreeSet<>();
        int limit = pattern.getLimitPartIndex(start);
        for (int i = start + 1; i < limit; i++) {
            Part part = pattern.getPart(i);
            if (part.getType() == Part.Type.MSG_START) {
                i = pattern.getLimitPartIndex(i);
            } else if (part.getType() == Part.Type.ARG_SELECTOR) {
                String keyword = pattern.getSubstring(part);
                if (!keyword.startsWith("=")) {
                    keywords.add(keyword);
                }
            }
        }
        return keywords;
    }
}
