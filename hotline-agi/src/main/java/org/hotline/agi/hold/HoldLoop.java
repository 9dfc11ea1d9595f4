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
        HoldInbox inbox = new HoldInbox(line, clock, initialPosition);
        // An operator may have accepted during the prompt before hold ("connecting"): no music for nothing.
        if (inbox.decided()) {
            return inbox.decision();
        }
        Instant start = clock.instant();
        Instant nextAnnouncement = start.plus(config.positionInterval());
        Instant nextReaffirm = start.plus(config.reaffirm());
        boolean voicemailOffered = false;
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
                HoldResult ended = announce(caller, inbox, List.of(Prompt.VOICEMAIL_OFFER.file()), true);
                if (ended != null) {
                    return ended;
                }
            }
            if (!clock.instant().isBefore(nextAnnouncement)) {
                nextAnnouncement = clock.instant().plus(config.positionInterval());
                HoldResult ended = announce(caller, inbox, positionFiles(inbox.position()), voicemailOffered);
                if (ended != null) {
                    return ended;
                }
            }
            char key = caller.waitForKey(config.poll());
            if (key == VOICEMAIL_KEY && voicemailOffered) {
                caller.musicOff();
                return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
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
     * Plays {@code files} over paused music, reading the inbox before each piece and after the last. Returns how
     * the hold ends (dispatch decided, or the caller pressed the voice-message key where it is listened for), or
     * null to go on holding with the music back on.
     */
    private static HoldResult announce(Caller caller, HoldInbox inbox, List<String> files, boolean voicemailKey) {
        String keys = voicemailKey ? String.valueOf(VOICEMAIL_KEY) : "";
        caller.musicOff();
        for (String file : files) {
            if (inbox.decided()) {
                return inbox.decision();
            }
            if (caller.play(file, keys) == VOICEMAIL_KEY && voicemailKey) {
                return HoldResult.of(HoldResult.Kind.VOICEMAIL_CHOSEN);
            }
        }
        if (inbox.decided()) {
            return inbox.decision();
        }
        caller.musicOn();
        return null;
    }
}
