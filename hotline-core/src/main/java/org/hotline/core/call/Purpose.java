package org.hotline.core.call;

import java.util.Arrays;
import java.util.Optional;

/** Why the caller is calling, as chosen in the purpose menu. The danger option comes first. */
public enum Purpose {
    DANGER('1', Priority.EMERGENCY),
    REPORT('2', Priority.NORMAL),
    HELP('3', Priority.NORMAL),
    INFORMATION('4', Priority.NORMAL),
    /** No usable key pressed: the caller still goes to an operator. */
    UNSPECIFIED(' ', Priority.NORMAL);

    private final char key;
    private final Priority priority;

    Purpose(char key, Priority priority) {
        this.key = key;
        this.priority = priority;
    }

    public char key() {
        return key;
    }

    public Priority priority() {
        return priority;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<Purpose> byKey(char key) {
        return Arrays.stream(values()).filter(p -> p != UNSPECIFIED && p.key == key).findFirst();
    }

    public static Purpose fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
