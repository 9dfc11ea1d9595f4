package org.hotline.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The scripted caller's keypad: a FIFO of entries, of which only the head is ever looked at. An entry that
 * does not fit the current command stays at the head, so a script reads like the caller's intentions in
 * order ("press 2, then wait, then press 9 once the voicemail offer was heard"). One instance per run; not
 * thread-safe, because one call is driven by one thread.
 */
final class CallerInput {

    /** One thing the caller will do. */
    sealed interface Entry permits Press, Silence, PressDuring, PressAfterPrompt {
    }

    /** Keys delivered when the server next listens (WAIT FOR DIGIT, GET DATA, the wait of GET OPTION). */
    record Press(String digits) implements Entry {
    }

    /** The caller lets the next listening phase time out. */
    record Silence() implements Entry {
    }

    /** A key pressed while {@code file} plays, delivered as barge-in if it is one of the escape digits. */
    record PressDuring(String file, char digit) implements Entry {
    }

    /** Like {@link Press}, but only once {@code file} has been played in this call. */
    record PressAfterPrompt(String file, String digits) implements Entry {
    }

    private final Deque<Entry> queue;
    private final List<String> played = new ArrayList<>();

    CallerInput(List<Entry> script) {
        this.queue = new ArrayDeque<>(script);
    }

    /** Notes that {@code file} was played, which releases {@link PressAfterPrompt} entries waiting for it. */
    void played(String file) {
        played.add(file);
    }

    /** The barge-in digit for a playback of {@code file} that stops on {@code escapeDigits}, if the caller presses one. */
    Optional<Character> bargeIn(String file, String escapeDigits) {
        if (queue.peekFirst() instanceof PressDuring(String wanted, char digit)
                && sameFile(file, wanted) && escapeDigits.indexOf(digit) >= 0) {
            queue.removeFirst();
            return Optional.of(digit);
        }
        return Optional.empty();
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

    /**
     * The keys heard by GET DATA on {@code file}: a barge-in on its prompt (any key interrupts GET DATA), or
     * the keys of the next press up to {@code #} and at most {@code maxDigits}. Empty means it times out.
     */
    Optional<String> takeDigits(String file, int maxDigits) {
        if (queue.peekFirst() instanceof PressDuring(String wanted, char digit) && sameFile(file, wanted)) {
            queue.removeFirst();
            return Optional.of(String.valueOf(digit));
        }
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
