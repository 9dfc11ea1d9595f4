package org.hotline.dispatch.operators;

import java.util.Locale;

/**
 * What a person may do: operators take calls, managers also watch the floor and open tips, admins also administer
 * people (the {@code /people} page and API are theirs alone).
 */
public enum Role {
    OPERATOR,
    MANAGER,
    ADMIN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }

    /** Managers and admins see the wallboard and can open any tip. */
    public boolean canManage() {
        return this != OPERATOR;
    }
}
