package org.hotline.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scripted caller's keypad: a FIFO of entries, of which only the head is ever looked at. An entry that
 * does not fit the current command stays at the head, so a script reads like the caller's intentions in
 * order ("press 2, then wait, then press 9 once the voicemail offer was heard"). One instance per run; not
 * thread-safe, because one call is driven by one thread.
 *
 * <p>A key pressed during a prompt happens at a moment: {@link PressDuring} presses it some time into its
 * prompt. What the key does there is the channel's business ({@link PromptPlayer}); a key whose moment lies
 * past the end of its prompt stays pending, with its moment on the call clock, for whatever plays or listens
 * then. As in Asterisk, which reads and drops DTMF while it waits for the next AGI command, a pending key
 * whose moment passed before the next playback or listening command began is lost.
 */
final class CallerInput {
    private static final Logger log = LoggerFactory.getLogger(CallerInput.class);

    /** One thing the caller will do. */
    sealed interface Entry permits Press, Silence, PressDuring, PressAfterPrompt {
    }

    /** Keys delivered when the server next listens (WAIT FOR DIGIT, GET DATA, the wait of GET OPTION). */
    record Press(String digits) implements Entry {
    }

    /** The caller lets the next listening phase time out. */
    record Silence() implements Entry {
    }

    /**
     * A key pressed {@code after} into {@code file}'s playback (null: halfway through it, so always inside the
     * prompt). It cuts the prompt only if it is one of the escape digits; otherwise it is swallowed.
     */
    record PressDuring(String file, char digit, Duration after) implements Entry {
        PressDuring(String file, char digit) {
            this(file, digit, null);
        }
    }

    /** A key and when it comes, counted from the start of the playback or listening phase that hears it. */
    record TimedKey(char digit, Duration at) {
    }

    /** Like {@link Press}, but only once {@code file} has been played in this call. */
    record PressAfterPrompt(String file, String digits) implements Entry {
    }

    private final Deque<Entry> queue;
    private final List<String> played = new ArrayList<>();
    /** A key pressed past the end of its prompt, and its moment on the call clock (System.nanoTime), or null. */
    private Character pendingDigit;
    private long pendingAtNanos;

    CallerInput(List<Entry> script) {
        this.queue = new ArrayDeque<>(script);
    }

    /** Notes that {@code file} was played, which releases {@link PressAfterPrompt} entries waiting for it. */
    void played(String file) {
        played.add(file);
    }

    /**
     * The key the caller presses while {@code file} plays, if any comes before its end: a pending key due within
     * the playback, or a {@link PressDuring} for this file at the head of the script. The caller presses it
     * whether or not it is an escape digit; the player decides whether it cuts the prompt.
     *
     * @param length     how long the playback lasts
     * @param startNanos when it started, on the call clock
     */
    Optional<TimedKey> keyDuring(String file, Duration length, long startNanos) {
        Optional<TimedKey> pending = pendingWithin(length, startNanos);
        if (pending.isPresent()) {
            return pending;
        }
        if (queue.peekFirst() instanceof PressDuring(String wanted, char digit, Duration after)
                && sameFile(file, wanted)) {
            queue.removeFirst();
            if (after == null) {
                return Optional.of(new TimedKey(digit, length.dividedBy(2)));
            }
            if (after.compareTo(length) < 0) {
                return Optional.of(new TimedKey(digit, after));
            }
            pendingDigit = digit;
            pendingAtNanos = startNanos + after.toNanos();
        }
        return Optional.empty();
    }

    /**
     * A pending key that comes within {@code window} of {@code startNanos}, which it is removed for; a pending key
     * whose moment is already past is dropped, and one due later stays pending.
     */
    Optional<TimedKey> pendingWithin(Duration window, long startNanos) {
        if (pendingDigit == null) {
            return Optional.empty();
        }
        long offset = pendingAtNanos - startNanos;
        if (offset < 0) {
            log.debug("key pressed between commands is lost, as Asterisk drops it");
            pendingDigit = null;
            return Optional.empty();
        }
        if (offset >= window.toNanos()) {
            return Optional.empty();
        }
        char digit = pendingDigit;
        pendingDigit = null;
        return Optional.of(new TimedKey(digit, Duration.ofNanos(offset)));
    }

    /** The key heard by a single-digit listening phase; empty means it times out. */
    Optional<Character> takeDigit() {
        Optional<String> keys = takeKeys();
        if (keys.isEmpty() || keys.get().isEmpty()) {
            return Optional.empty();
        }
        String digits = keys.get();
        if (digits.length() > 1) {
            // The rest of a multi-key press stays at the head for the next listening phase, as typed-ahead keys would.
            queue.addFirst(new Press(digits.substring(1)));
        }
        return Optional.of(digits.charAt(0));
    }

    /** The keys heard by GET DATA's listening phase: the next press up to {@code #}, at most {@code maxDigits}. */
    Optional<String> takeDigits(int maxDigits) {
        return takeKeys().map(digits -> {
            int hash = digits.indexOf('#');
            String typed = hash >= 0 ? digits.substring(0, hash) : digits;
            return typed.length() > maxDigits ? typed.substring(0, maxDigits) : typed;
        });
    }

    private Optional<String> takeKeys() {
        Entry head = queue.peekFirst();
        switch (head) {
            case Press(String digits) -> {
                queue.removeFirst();
                return Optional.of(digits);
            }
            case Silence() -> {
                queue.removeFirst();
                return Optional.empty();
            }
            case PressAfterPrompt(String file, String digits) when wasPlayed(file) -> {
                queue.removeFirst();
                return Optional.of(digits);
            }
            case null, default -> {
                // Nothing to press yet: an empty keypad, a barge-in waiting for its prompt, or a prompt not yet heard.
                return Optional.empty();
            }
        }
    }

    private boolean wasPlayed(String wanted) {
        return played.stream().anyMatch(file -> sameFile(file, wanted));
    }

    /**
     * Whether a played file is the one a script names. A language-qualified file ({@code prs/hotline/purpose})
     * also matches its plain name ({@code hotline/purpose}), so scripts need not know the language chosen.
     */
    static boolean sameFile(String played, String wanted) {
        return played.equals(wanted) || played.endsWith("/" + wanted);
    }
}
