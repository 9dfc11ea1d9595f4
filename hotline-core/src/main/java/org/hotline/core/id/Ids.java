package org.hotline.core.id;

import java.util.regex.Pattern;

/**
 * The shapes of identifiers that cross a trust boundary (Asterisk, the browser bridge, the dialplan), declared
 * once so every check agrees.
 */
public final class Ids {
    /** Our call and operator ids: lower-case UUIDs. */
    public static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    /**
     * An operator's dial string: exactly what the dialplan's own check in {@code extensions.conf} accepts, so a
     * target we store or hand off is never one the dialplan refuses.
     */
    public static final String DIAL_STRING = "PJSIP/[A-Za-z0-9_-]{1,40}";

    private static final Pattern UUID_PATTERN = Pattern.compile(UUID, Pattern.CASE_INSENSITIVE);
    private static final Pattern DIAL_STRING_PATTERN = Pattern.compile(DIAL_STRING);

    private Ids() {
    }

    /** Whether {@code value} is a UUID in its 8-4-4-4-12 hex form (either case: browsers may send either). */
    public static boolean isUuid(String value) {
        return value != null && UUID_PATTERN.matcher(value).matches();
    }

    public static boolean isDialString(String value) {
        return value != null && DIAL_STRING_PATTERN.matcher(value).matches();
    }
}
