package org.hotline.agi.prompts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every prompt the IVR plays. Each key must exist in every language's manifest under
 * {@code asterisk-conf/prompts/<code>.manifest} and as {@code asterisk-conf/sounds/<code>/hotline/<key>.wav};
 * {@code PromptManifestTest} enforces both, because a missing prompt means a caller hears silence.
 */
public enum Prompt {
    WELCOME("welcome"),
    LANGUAGE_OPTION("lang-option"),
    INVALID("invalid"),
    NO_INPUT("no-input"),
    PURPOSE("purpose"),
    EMERGENCY("emergency"),
    CONNECTING("connecting"),
    HOLD("hold"),
    POSITION_BEFORE("position-before"),
    POSITION_AFTER("position-after"),
    POSITION_MANY("position-many"),
    VOICEMAIL_OFFER("voicemail-offer"),
    /** "Only if this phone is safe to call back:", always before {@link #CALLBACK_OFFER}. */
    CALLBACK_SAFETY("callback-safety"),
    /** "To keep your place and be called back on this number, press seven." */
    CALLBACK_OFFER("callback-offer"),
    CALLBACK_ACCEPTED("callback-accepted"),
    VOICEMAIL_RECORD("voicemail-record"),
    VOICEMAIL_THANKS("voicemail-thanks"),
    CLOSED("closed"),
    /** Out of hours: "The hotline is closed now. It opens again:", followed by a day and an hour prompt. */
    CLOSED_NOW("closed-now"),
    DAY_TODAY("day-today"),
    DAY_TOMORROW("day-tomorrow"),
    DAY_MONDAY("day-mon"),
    DAY_TUESDAY("day-tue"),
    DAY_WEDNESDAY("day-wed"),
    DAY_THURSDAY("day-thu"),
    DAY_FRIDAY("day-fri"),
    DAY_SATURDAY("day-sat"),
    DAY_SUNDAY("day-sun"),
    CALL_AGAIN("call-again"),
    TRANSFER("transfer"),
    /** Played by the dialplan, not the script, before the fallback queue. */
    FALLBACK("fallback");

    /** Hours of the day the IVR can say ("at eight in the morning"): hour-0 to hour-23, whole hours only. */
    public static final int HOURS_IN_DAY = 24;

    /** Numbers the IVR can say for a queue position; above this it says {@link #POSITION_MANY}. */
    public static final int MAX_SPOKEN_NUMBER = 20;

    private final String key;

    Prompt(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** The sound file for {@code key}, found by Asterisk under the channel language: {@code hotline/<key>}. */
    public String file() {
        return soundFile(key);
    }

    /** The sound file for this prompt in an explicit language, whatever the channel language is. */
    public String file(String languageCode) {
        return languageCode + "/" + soundFile(key);
    }

    /** The key of the prompt that says {@code n}, for 0 to {@link #MAX_SPOKEN_NUMBER}. */
    public static String numberKey(int n) {
        if (n < 0 || n > MAX_SPOKEN_NUMBER) {
            throw new IllegalArgumentException("no number prompt for " + n);
        }
        return "num-" + n;
    }

    /** The key of the prompt that says the whole hour {@code hour} (0 to 23) as a time of day. */
    public static String hourKey(int hour) {
        if (hour < 0 || hour >= HOURS_IN_DAY) {
            throw new IllegalArgumentException("no hour prompt for " + hour);
        }
        return "hour-" + hour;
    }

    /** The sound file that says the whole hour {@code hour} in the channel language. */
    public static String hourFile(int hour) {
        return soundFile(hourKey(hour));
    }

    /** The sound file that says {@code n} in the channel language. */
    public static String numberFile(int n) {
        return soundFile(numberKey(n));
    }

    private static String soundFile(String key) {
        return "hotline/" + key;
    }

    /** Every key a manifest must hold: the named prompts, the numbers 0 to 20 and the hours 0 to 23. */
    public static List<String> allKeys() {
        List<String> keys = new ArrayList<>();
        for (Prompt prompt : values()) {
            keys.add(prompt.key);
        }
        for (int n = 0; n <= MAX_SPOKEN_NUMBER; n++) {
            keys.add(numberKey(n));
        }
        for (int hour = 0; hour < HOURS_IN_DAY; hour++) {
            keys.add(hourKey(hour));
        }
        return Collections.unmodifiableList(keys);
    }
}
