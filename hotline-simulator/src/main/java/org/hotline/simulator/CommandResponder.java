package org.hotline.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel side of a fake call: turns each command into the reply Asterisk 22 would give, keeping the
 * channel's variables, the prompts played and whether the channel is hung up. It waits (through
 * {@link Pause}) where Asterisk would be playing a file or listening for keys.
 */
final class CommandResponder {

    /** Waits out playback or a listening timeout; may end the wait early by throwing {@link SessionInterrupt}. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration);
    }

    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";
    /** Asterisk always reports the same end position; scripts only look at whether it is there. */
    private static final int FULL_ENDPOS = 8000;
    private static final int BARGED_ENDPOS = 4000;
    private static final long DEFAULT_LISTEN_MS = 5000;
    /** Longest a listening command sleeps, so that "wait forever" (-1) cannot stall a test. */
    private static final long MAX_LISTEN_MS = 60_000;
    private static final long MAX_RECORD_MS = 1000;
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final CallerInput input;
    private final Duration playbackTime;
    private final Pause pause;
    private final Map<String, String> variables;
    private final List<String> prompts = new ArrayList<>();
    private boolean hungUp;

    CommandResponder(CallerInput input, Map<String, String> presetVariables, Duration playbackTime, Pause pause) {
        this.input = input;
        this.variables = new LinkedHashMap<>(presetVariables);
        this.playbackTime = playbackTime;
        this.pause = pause;
    }

    /** The reply to {@code command}; more than one line only for a {@code 520} usage block. */
    String respond(AgiCommand command) {
        if (hungUp) {
            return DEAD_CHANNEL;
        }
        if (!command.known()) {
            return UNKNOWN;
        }
        try {
            return dispatch(command);
        } catch (IllegalArgumentException badSyntax) {
            return usage(command);
        }
    }

    /** The channel is gone: every later command gets {@link #DEAD_CHANNEL}. */
    void hangUp() {
        hungUp = true;
    }

    boolean hungUp() {
        return hungUp;
    }

    Map<String, String> variables() {
        return variables;
    }

    List<String> prompts() {
        return prompts;
    }

    private String dispatch(AgiCommand command) {
        return switch (command.name()) {
            case "ANSWER", "SET MUSIC", "VERBOSE", "SET AUTOHANGUP", "NOOP", "SET CALLERID",
                    "SAY NUMBER", "SAY DIGITS" -> "200 result=0";
            case "EXEC" -> exec(command);
            case "CHANNEL STATUS" -> "200 result=6";
            case "HANGUP" -> {
                hungUp = true;
                yield "200 result=1";
            }
            case "SET VARIABLE" -> setVariable(command);
            case "GET VARIABLE" -> getVariable(required(command, 0));
            case "GET FULL VARIABLE" -> getFullVariable(required(command, 0));
            case "STREAM FILE" -> streamFile(command);
            case "GET OPTION" -> getOption(command);
            case "WAIT FOR DIGIT" -> waitForDigit(command);
            case "GET DATA" -> getData(command);
            case "RECORD FILE" -> recordFile(command);
            default -> UNKNOWN;
        };
    }

    private String exec(AgiCommand command) {
        String application = required(command, 0).toLowerCase(Locale.ROOT);
        if (application.equals("playback") || application.equals("background")) {
            // Playback's first option is a '&'-separated list of files; the rest are flags.
            String files = command.arg(1, "").split("[,|]", 2)[0];
            for (String file : files.split("&")) {
                if (!file.isBlank()) {
                    play(file);
                }
            }
            pause.pause(playbackTime);
        }
        return "200 result=0";
    }

    private String setVariable(AgiCommand command) {
        variables.put(required(command, 0), required(command, 1));
        return "200 result=1";
    }

    private String getVariable(String name) {
        String value = variables.get(name);
        return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
    }

    /** Substitutes every {@code ${NAME}}; an unknown name makes the whole expression unknown. */
    private String getFullVariable(String expression) {
        Matcher matcher = VARIABLE_REFERENCE.matcher(expression);
        StringBuilder value = new StringBuilder();
        while (matcher.find()) {
            String known = variables.get(matcher.group(1));
            if (known == null) {
                return "200 result=0";
            }
            matcher.appendReplacement(value, Matcher.quoteReplacement(known));
        }
        matcher.appendTail(value);
        return "200 result=1 (" + value + ")";
    }

    private String streamFile(AgiCommand command) {
        String file = required(command, 0);
        String escapes = required(command, 1);
        return playInterruptibly(file, escapes)
                .map(digit -> "200 result=" + (int) digit + " endpos=" + BARGED_ENDPOS)
                .orElse("200 result=0 endpos=" + FULL_ENDPOS);
    }

    private String getOption(AgiCommand command) {
        String file = required(command, 0);
        String escapes = required(command, 1);
        long timeout = listenMillis(number(command.arg(2, "-1")), DEFAULT_LISTEN_MS);
        Optional<Character> bargeIn = playInterruptibly(file, escapes);
        if (bargeIn.isPresent()) {
            return "200 result=" + (int) bargeIn.get() + " endpos=" + BARGED_ENDPOS;
        }
        Optional<Character> digit = input.takeDigit();
        if (digit.isEmpty()) {
            pause.pause(Duration.ofMillis(timeout));
        }
        return "200 result=" + digit.map(d -> (int) d).orElse(0) + " endpos=" + FULL_ENDPOS;
    }

    private String waitForDigit(AgiCommand command) {
        long timeout = listenMillis(number(required(command, 0)), MAX_LISTEN_MS);
        Optional<Character> digit = input.takeDigit();
        if (digit.isEmpty()) {
            pause.pause(Duration.ofMillis(timeout));
        }
        return "200 result=" + digit.map(d -> (int) d).orElse(0);
    }

    private String getData(AgiCommand command) {
        String file = required(command, 0);
        long requested = number(command.arg(1, "0"));
        // Asterisk-Java leaves the timeout out (or sends 0) to mean "the default".
        long timeout = requested == 0 ? DEFAULT_LISTEN_MS : listenMillis(requested, MAX_LISTEN_MS);
        int maxDigits = Math.clamp(number(command.arg(2, "1024")), 1, 1024);
        play(file);
        pause.pause(playbackTime);
        Optional<String> digits = input.takeDigits(file, maxDigits);
        if (digits.isPresent()) {
            return "200 result=" + digits.get();
        }
        pause.pause(Duration.ofMillis(timeout));
        return "200 result= (timeout)";
    }

    private String recordFile(AgiCommand command) {
        prompts.add(required(command, 0));
        required(command, 2);
        long timeout = number(required(command, 3));
        // A caller speaks for at most a second here: enough to prove the recording path without slowing tests.
        long recordMs = timeout < 0 ? MAX_RECORD_MS : Math.min(timeout, MAX_RECORD_MS);
        pause.pause(Duration.ofMillis(recordMs));
        return "200 result=0 endpos=" + FULL_ENDPOS;
    }

    /** Plays {@code file}, returning the escape digit the caller barged in with, if any. */
    private Optional<Character> playInterruptibly(String file, String escapes) {
        play(file);
        Optional<Character> bargeIn = input.bargeIn(file, escapes);
        // A barge-in cuts the prompt short, so it plays for half the time.
        pause.pause(bargeIn.isPresent() ? playbackTime.dividedBy(2) : playbackTime);
        return bargeIn;
    }

    private void play(String file) {
        prompts.add(file);
        input.played(file);
    }

    /** A listening timeout in ms, capped at {@link #MAX_LISTEN_MS}; a negative one means {@code ifNegative}. */
    private static long listenMillis(long ms, long ifNegative) {
        return Math.min(ms < 0 ? ifNegative : ms, MAX_LISTEN_MS);
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number", e);
        }
    }

    private static String required(AgiCommand command, int index) {
        if (index >= command.args().size()) {
            throw new IllegalArgumentException("missing argument " + index);
        }
        return command.args().get(index);
    }

    /** Asterisk's answer to bad arguments: a 520 block that Asterisk-Java reads up to its closing 520 line. */
    private static String usage(AgiCommand command) {
        return "520-Invalid command syntax.  Proper usage follows:\n"
                + "Usage: " + command.name() + "\n"
                + "520 End of proper usage.";
    }
}
