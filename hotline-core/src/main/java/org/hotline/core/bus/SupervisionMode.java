package org.hotline.core.bus;

import java.util.Locale;

/** How a supervisor is on a call: hears both sides silently, speaks to the operator only, or joins the call. */
public enum SupervisionMode {
    LISTEN,
    WHISPER,
    BARGE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SupervisionMode fromCode(String code) {
        return valueOf(code.trim().toUpperCase(Locale.ROOT));
    }
}
