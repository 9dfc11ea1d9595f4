package org.hotline.core.i18n;

import com.ibm.icu.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One language's messages, formatted by ICU4J's {@link MessageFormat} with the language's locale: plurals by
 * CLDR's rules, {@code {n, number}} and {@code {d, date, ::dMMMMy}} in its own digits. Arguments are named.
 * A key the language lacks is formatted from English (see {@link Bundles}).
 */
public final class Messages {
    private final Bundles bundles;
    private final UiLanguage language;

    Messages(Bundles bundles, UiLanguage language) {
        this.bundles = bundles;
        this.language = language;
    }

    /** The English messages of the shipped bundles. */
    public static Messages english() {
        return Bundles.shipped().messages(UiLanguage.ENGLISH);
    }

    /** A language's messages from the shipped bundles. */
    public static Messages of(UiLanguage language) {
        return Bundles.shipped().messages(language);
    }

    public UiLanguage language() {
        return language;
    }

    /** A message without arguments. */
    public String text(String key) {
        return format(key, Map.of());
    }

    /** A message with named arguments given as name, value pairs: {@code format("x", "count", 3)}. */
    public String format(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("arguments of " + key + " must be name, value pairs");
        }
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return format(key, arguments);
    }

    /** A message with named arguments. */
    public String format(String key, Map<String, Object> arguments) {
        Bundles.Found found = bundles.find(language, key);
        String pattern = found.pattern();
        if (arguments.isEmpty() && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern;
        }
        // An English fallback is formatted as English, so its figures do not change script mid-sentence.
        return new MessageFormat(pattern, found.language().locale()).format(arguments);
    }

    /** Whether {@code key} exists in English (the source), for callers that map codes to optional labels. */
    public boolean has(String key) {
        return bundles.bundle(UiLanguage.ENGLISH).entries().containsKey(key);
    }
}
