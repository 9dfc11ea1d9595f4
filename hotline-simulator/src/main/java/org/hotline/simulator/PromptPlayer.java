package org.hotline.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays prompts and listens for keys on the fake channel, in time. A prompt lasts as long as its sound
 * ({@link PromptTiming}). A key the caller presses during it ends it at that moment if it is an escape digit;
 * any other key is read and dropped, as Asterisk's {@code waitstream_core} does (main/file.c), so no later
 * WAIT FOR DIGIT hears it.
 */
final class PromptPlayer {
    /** Asterisk's telephony sounds are 8 kHz: {@code endpos} counts 8 samples per millisecond. */
    static final long SAMPLES_PER_MS = 8;

    private static final Logger log = LoggerFactory.getLogger(PromptPlayer.class);

    /** How a playback ended: cut by a key (at {@code played}), or played to its end ({@code played == length}). */
    record Played(Optional<Character> cutBy, Duration length, Duration played) {
        /** Samples played, as Asterisk reports them in {@code endpos}. */
        long endpos() {
            return played.toNanos() * SAMPLES_PER_MS / 1_000_000;
        }
    }

    private final CallerInput input;
    private final PromptTiming timing;
    private final CommandResponder.Pause pause;
    private final LongSupplier clock;
    private final Supplier<String> language;

    PromptPlayer(CallerInput input, PromptTiming timing, CommandResponder.Pause pause, LongSupplier clock,
            Supplier<String> language) {
        this.input = input;
        this.timing = timing;
        this.pause = pause;
        this.clock = clock;
        this.language = language;
    }

    /**
     * Plays {@code file} to its end or until the caller presses one of {@code escapes}.
     *
     * @param escapes the digits that stop it; null for any digit (GET DATA, Background)
     */
    Played play(String file, String escapes) {
        Duration length = timing.length(file, language.get());
        Optional<CallerInput.TimedKey> key = input.keyDuring(file, length, clock.getAsLong());
        if (key.isPresent()) {
            char digit = key.get().digit();
            if (escapes == null || escapes.indexOf(digit) >= 0) {
                pause.pause(key.get().at());
                return new Played(Optional.of(digit), length, key.get().at());
            }
            log.debug("key pressed during a prompt is not an escape digit; it is dropped");
        }
        pause.pause(length);
        return new Played(Optional.empty(), length, length);
    }

    /**
     * Listens up to {@code timeout} for one key: a pending key due within it (waiting until it comes), else the
     * next scripted press at once, else nothing after the whole timeout.
     */
    Optional<Character> listen(Duration timeout) {
        Optional<CallerInput.TimedKey> pending = input.pendingWithin(timeout, clock.getAsLong());
        if (pending.isPresent()) {
            pause.pause(pending.get().at());
            return Optional.of(pending.get().digit());
        }
        Optional<Character> digit = input.takeDigit();
        if (digit.isEmpty()) {
            pause.pause(timeout);
        }
        return digit;
    }

    /** Like {@link #listen} for GET DATA: the keys of the next press up to {@code #}, at most {@code maxDigits}. */
    Optional<String> listenForDigits(Duration timeout, int maxDigits) {
        Optional<CallerInput.TimedKey> pending = input.pendingWithin(timeout, clock.getAsLong());
        if (pending.isPresent()) {
            pause.pause(pending.get().at());
            return Optional.of(String.valueOf(pending.get().digit()));
        }
        Optional<String> digits = input.takeDigits(maxDigits);
        if (digits.isEmpty()) {
            pause.pause(timeout);
        }
        return digits;
    }
}
