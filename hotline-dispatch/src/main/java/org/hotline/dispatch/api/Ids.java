package org.hotline.dispatch.api;

import java.util.regex.Pattern;

/** Checks on ids that arrive in request paths and bodies: tips, calls and referrals all have UUIDs. */
public final class Ids {
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    /** Whether {@code text} is a UUID in its usual 8-4-4-4-12 hex form (either case). */
    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }
}
