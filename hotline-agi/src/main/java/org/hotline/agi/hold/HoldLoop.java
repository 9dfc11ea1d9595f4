package org.hotline.agi.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hotline.agi.call.Caller;
import org.hotline.agi.intake.HoldLine;
import org.hotline.agi.prompts.Prompt;

/**
 * Keeps a caller company until an operator accepts: music on hold in the background, the caller's position
 * every interval, and after a while the offer of a voice message. A prompt cannot be interrupted by dispatch, so
 * the call's inbox is read before and after every prompt piece and between key polls: an operator's accept is
 * heard within one prompt (or one poll), never a chain of them, and the rest of an announcement is skipped.
 */
public final class HoldLoop {
    /** The key that chooses a voice message, as the voicemail-offer prompt says. */
    public static final char VOICEMAIL_KEY = '9';
    /** The key that accepts a callback, as the callback-offer prompt says. */
    public static final char CALLBACK_KEY = '7';

    private final HoldConfig config;
    private final Clock clock;
    private final BooleanSupplier draining;

    public HoldLoop(HoldConfig config, Clock clock, BooleanSupplier draining) {
        this.config = config;
        this.clock = clock;
        this.draining = draining;
    }

    /**
     * Holds the caller until dispatch assigns or refuses, the caller chooses a voice message, or the hold limit.
     * Every {@code reaffirm} interval it runs {@code stillWaiting}, which re-sends the intake.
     */
    public HoldResult hold(Caller caller, HoldLine line, int initialPosition, Runnable stillWaiting) {
        return hold(caller, line, initialPosition, stillWaiting, false);
    }

    /**
     * As {@link #hold(Caller, HoldLine, int, Runnable)}; with {@code callbackOffered} the caller also hears, after
     * {@link HoldConfig#callbackAfter()}, the safety sentence and the callback offer, and may accept it with
     * {@link #CALLBACK_KEY} from then on.
     */
    public HoldResult hold(Caller caller, HoldLine line, int initialPosition, Runnable stillWaiting,
                           boolean callbackOffered) {
        HoldInbox inbox = new HoldInbox(line, clock, initialPosition);
        // An operator may have accepted during the prompt before hold ("connecting"): no music for nothing.
        if (inbox.decided()) {
            return inbox.decision();
        }
        Instant start = clock.instant();
        Instant nextAnnouncement = start.plus(config.positionInterval());
        Instant nextReaffirm = start.plus(config.reaffirm());
        boolean voicemailOffered = false;
        boolean callbackHeard = false;
        caller.musicOn();
        while (true) {
            if (inbox.decided()) {
                caller.musicOff();
                return inbox.decision();
            }
            if (draining.getAsBoolean()) {
                return HoldResult.of(HoldResult.Kind.DRAINING);
            }
            if (!clock.instant().isBefore(nextReaffirm)) {
                nextReaffirm = clock.instant().plus(config.reaffirm());
                stillWaiting.run();
            }
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(config.max()) >= 0) {
                caller.musicOff();
                return HoldResult.of(HoldResult.Kind.HOLD_LIMIT);
            }
            if (config.voicemailEnabled() && !voicemailOffered && waited.compareTo(config.voicemailAfter()) >= 0) {
                voicemailOffered = true;
                HoldResult ended = announce(caller, inbox, List.of(Prompt.VOICEMAIL_OFFER.file()),
                        keys(true, callbackHeard));
                if (ended != null) {
                    return ended;
                }
            }
            if (callbackOffered && !callbackHeard && waited.compareTo(config.callbackAfter()) >= 0) {
                callbackHeard = true;
                HoldResult ended = offerCallback(caller, inbox, voicemailOffered);
                if (ended != null) {
                    return ended;
                }
            }
            if (!clock.instant().isBefore(nextAnnouncement)) {
                nextAnnouncement = clock.instant().plus(config.positionInterval());
                HoldResult ended = announce(caller, inbox, positionFiles(inbox.position()),
                        keys(voicemailOffered, callbackHeard));
                if (ended != null) {
                    return ended;
                }
            }
            char key = caller.waitForKey(config.poll());
            if (key == VOICEMAIL_KEY && voicemailOffered) {
                caller.musicOff();
                return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
            }
            if (key == CALLBACK_KEY && callbackHeard) {
                caller.musicOff();
                return HoldResult.of(HoldResult.Kind.CALLBACK_CHOSEN);
            }
        }
    }

    /** "Please stay on the line. You are number N in line." */
    private static List<String> positionFiles(int position) {
        if (position <= 0) {
            return List.of(Prompt.HOLD.file());
        }
        if (position > Prompt.MAX_SPOKEN_NUMBER) {
            return List.of(Prompt.HOLD.file(), Prompt.POSITION_MANY.file());
        }
        return List.of(Prompt.HOLD.file(), Prompt.POSITION_BEFORE.file(), Prompt.numberFile(position),
                Prompt.POSITION_AFTER.file());
    }

    /**
     * The safety sentence, then the offer. The sentence always comes first and cannot be answered with the
     * callback key: a callback can put a caller whose phone is watched in danger, so nobody accepts before hearing it.
     */
    private static HoldResult offerCallback(Caller caller, HoldInbox inbox, boolean voicemailOffered) {
        caller.musicOff();
        if (inbox.decided()) {
            return inbox.decision();
        }
        if (caller.play(Prompt.CALLBACK_SAFETY.file(), keys(voicemailOffered, false)) == VOICEMAIL_KEY
                && voicemailOffered) {
            return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
        }
        return announce(caller, inbox, List.of(Prompt.CALLBACK_OFFER.file()), keys(voicemailOffered, true));
    }

    /** The keys a prompt listens for: those of the options the caller has been offered. */
    private static String keys(boolean voicemail, boolean callback) {
        return (voicemail ? String.valueOf(VOICEMAIL_KEY) : "") + (callback ? String.valueOf(CALLBACK_KEY) : "");
    }

    /**
     * Plays {@code files} over paused music, reading the inbox before each piece and after the last. Returns how
     * the hold ends (dispatch decided, or the caller pressed an offered option's key), or null to go on holding
     * with the music back on.
     */
    private static HoldResult announce(Caller caller, HoldInbox inbox, List<String> files, String keys) {
        caller.musicOff();
        for (String file : files) {
            if (inbox.decided()) {
                return inbox.decision();
            }
            char key = caller.play(file, keys);
            if (key == VOICEMAIL_KEY && keys.indexOf(VOICEMAIL_KEY) >= 0) {
                return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
            }
            if (key == CALLBACK_KEY && keys.indexOf(CALLBACK_KEY) >= 0) {
                return HoldResult.of(HoldResult.Kind.CALLBACK_CHOSEN);
            }
        }
        if (inbox.decided()) {
            return inbox.decision();
        }
        caller.musicOn();
        return null;
    }
}
