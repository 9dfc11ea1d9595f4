package org.hotline.dispatch.operators;

import java.util.Locale;

/** What a person may do: operators take calls, managers also watch the floor and open tips, admins manage. */
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

    /** Only admins add, change and disable people; a manager keeps the floor and the tips, not the accounts. */
    public boolean canAdministerPeople() {
        return this == ADMIN;
    }
}
