package org.hotline.agi.hold;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.hotline.agi.call.Caller;
import org.hotline.agi.intake.HoldLine;
import org.hotline.agi.intake.HoldMessage;
import org.hotline.agi.prompts.Prompt;
import org.hotline.core.bus.HoldUpdate;

/**
 * Keeps a caller company until an operator accepts: music on hold in the background, the caller's position
 * every interval, and after a while the offer of a voice message. Between prompts it listens for a key for
 * one poll interval, then looks at the call's inbox, so an assignment is taken within one interval.
 */
public final class HoldLoop {
    /** The key that chooses a voice message, as the voicemail-offer prompt says. */
    public static final char VOICEMAIL_KEY = '9';

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
        Instant start = clock.instant();
        int position = initialPosition;
        Instant nextAnnouncement = start.plus(config.positionInterval());
        Instant nextReaffirm = start.plus(config.reaffirm());
        boolean voicemailOffered = false;
        caller.musicOn();
        while (true) {
            HoldResult fromDispatch = null;
            for (var message = line.poll(); message.isPresent() && fromDispatch == null; message = line.poll()) {
                HoldUpdate update = message.get().update();
                switch (update.type()) {
                    case POSITION -> position = update.position();
                    case ASSIGNED -> fromDispatch = new HoldResult(HoldResult.Kind.ASSIGNED, message.get(), null);
                    case REFUSED -> fromDispatch = new HoldResult(HoldResult.Kind.REFUSED, null, update.reason());
                }
            }
            if (fromDispatch != null) {
                caller.musicOff();
                return fromDispatch;
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
                if (announce(caller, Prompt.VOICEMAIL_OFFER.file()) == VOICEMAIL_KEY) {
                    return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
                }
            }
            if (!clock.instant().isBefore(nextAnnouncement)) {
                nextAnnouncement = clock.instant().plus(config.positionInterval());
                if (announcePosition(caller, position, voicemailOffered) == VOICEMAIL_KEY) {
                    return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
                }
            }
            char key = caller.waitForKey(config.poll());
            if (key == VOICEMAIL_KEY && voicemailOffered) {
                caller.musicOff();
                return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
            }
        }
    }

    /** "Please stay on the line. You are number N in line." Returns a key pressed during it. */
    private static char announcePosition(Caller caller, int position, boolean voicemailOffered) {
        String keys = voicemailOffered ? String.valueOf(VOICEMAIL_KEY) : "";
        caller.musicOff();
        char key = caller.play(Prompt.HOLD.file(), keys);
        if (key == Caller.NO_KEY && position > 0) {
            if (position > Prompt.MAX_SPOKEN_NUMBER) {
                key = caller.play(Prompt.POSITION_MANY.file(), keys);
            } else {
                key = caller.play(Prompt.POSITION_BEFORE.file(), keys);
                if (key == Caller.NO_KEY) {
                    key = caller.play(Prompt.numberFile(position), keys);
                }
                if (key == Caller.NO_KEY) {
                    key = caller.play(Prompt.POSITION_AFTER.file(), keys);
                }
            }
        }
        if (key != VOICEMAIL_KEY) {
            caller.musicOn();
        }
        return key;
    }

    private static char announce(Caller caller, String file) {
        caller.musicOff();
        char key = caller.play(file, String.valueOf(VOICEMAIL_KEY));
        if (key != VOICEMAIL_KEY) {
            caller.musicOn();
        }
        return key;
    }
}
