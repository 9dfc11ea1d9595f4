package org.hotline.core.tip;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of a choice list of the tip record: a stable code (what is stored and sent) and an English label
 * (what the screen shows). Every list is an enum implementing this, declared once; the screen, the API
 * validation and the reports all read the same constants.
 */
public interface Choice {

    /** The stored form: lower case with hyphens, for example {@code bonded-labour}. */
    default String code() {
        return codeOf((Enum<?>) this);
    }

    /** The text shown to people. */
    String label();

    /** The code of an enum constant named in upper case with underscores. */
    static String codeOf(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} with this code, if any. Codes are compared exactly. */
    static <E extends Enum<E> & Choice> Optional<E> byCode(Class<E> type, String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.code().equals(code)).findFirst();
    }
}
