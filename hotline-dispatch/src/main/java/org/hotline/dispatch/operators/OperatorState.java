package org.hotline.dispatch.operators;

import java.util.Locale;

/** Where an operator is in their work. Every change is recorded with its time. */
public enum OperatorState {
    SIGNED_OUT,
    AVAILABLE,
    OFFERED,
    ON_CALL,
    WRAP_UP,
    AWAY;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static OperatorState fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
