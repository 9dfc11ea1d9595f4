package org.hotline.core.call;

/** Routing priority: emergencies are offered before everyone else. */
public enum Priority {
    EMERGENCY,
    NORMAL;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Priority fromCode(String code) {
        return valueOf(code.toUpperCase(java.util.Locale.ROOT));
    }
}
