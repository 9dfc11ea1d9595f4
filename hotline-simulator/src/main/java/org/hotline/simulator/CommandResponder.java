package org.hotline.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The channel side of a fake call: turns each command into the reply Asterisk 22 would give, keeping the
 * channel's variables, the prompts played and whether the channel is hung up. It waits (through
 * {@link Pause}) where Asterisk would be playing a file or listening for keys: a prompt lasts as long as its
 * sound in the channel's language (see {@link PromptPlayer}).
 */
final class CommandResponder {

    /** Waits out playback or a listening timeout; may end the wait early by throwing {@link SessionInterrupt}. */
    @FunctionalInterface
    interface Pause {
        void pause(Duration duration);
    }

    static final String DEAD_CHANNEL = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";
    /** The channel variable the IVR sets to choose the language Asterisk plays prompts in. */
    static final String LANGUAGE_VARIABLE = "CHANNEL(language)";
    /** RECORD FILE's end position: scripts only look at whether it is there. */
    private static final int RECORD_ENDPOS = 8000;
    /** GET OPTION's wait when the script gives none: the dialplan's digit timeout, 5 s by default. */
    private static final long DEFAULT_LISTEN_MS = 5000;
    /** GET DATA's first-digit wait when the script gives none (ast_app_getdata_full's default). */
    private static final long GET_DATA_DEFAULT_MS = 6000;
    /** Longest a listening command sleeps, so that "wait forever" (-1) cannot stall a test. */
    private static final long MAX_LISTEN_MS = 60_000;
    private static final long MAX_RECORD_MS = 1000;
    private static final Pattern VARIABLE_REFERENCE = Pattern.compile("\\$\\{([^}]*)}");

    private final CallerInput input;
    private final Pause pause;
    private final PromptPlayer player;
    private final PromptTiming timing;
    private final String entryLanguage;
    private final Map<String, String> variables;
    private final List<String> prompts = new ArrayList<>();
    private boolean hungUp;
    /** How long the caller speaks into RECORD FILE; null: no file is written (see FakeCall.Builder). */
    private Duration speech;
    /** STREAM FILE of a file that is not there answers -1 at once, as Asterisk does (see FakeCall.Builder). */
    private boolean missingSoundsFail;

    /**
     * @param entryLanguage the channel's language until the server sets {@code CHANNEL(language)}: the header's
     *                      {@code agi_language}
     * @param clock         the call clock in nanoseconds ({@code System::nanoTime} on a real call)
     */
    CommandResponder(CallerInput input, Map<String, String> presetVariables, PromptTiming timing, Pause pause,
            LongSupplier clock, String entryLanguage) {
        this.input = input;
        this.variables = new LinkedHashMap<>(presetVariables);
        this.entryLanguage = entryLanguage;
        this.pause = pause;
        this.player = new PromptPlayer(input, timing, pause, clock, this::language);
        this.timing = timing;
    }

    /** The language Asterisk plays prompts in: {@code CHANNEL(language)} once set, else the entry language. */
    String language() {
        String chosen = variables.get(LANGUAGE_VARIABLE);
        return chosen != null && !chosen.isBlank() ? chosen : entryLanguage;
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

    void speaksWhenRecording(Duration speech) {
        this.speech = speech;
    }

    void missingSoundsFail(boolean fail) {
        this.missingSoundsFail = fail;
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
            case "CONTROL STREAM FILE" -> controlStreamFile(command);
            case "GET OPTION" -> getOption(command);
            case "WAIT FOR DIGIT" -> waitForDigit(command);
            case "GET DATA" -> getData(command);
            case "RECORD FILE" -> recordFile(command);
            default -> UNKNOWN;
        };
    }

    private String exec(AgiCommand command) {
        String application = required(command, 0).toLowerCase(Locale.ROOT);
        boolean background = application.equals("background");
        if (application.equals("playback") || background) {
            // The first option is a '&'-separated list of files; the rest are flags. Playback cannot be
            // interrupted; Background stops on a key (one that starts an extension, which the fake takes any
            // key for) and then plays nothing more. Either way the application returns 0.
            String files = command.arg(1, "").split("[,|]", 2)[0];
            for (String file : files.split("&")) {
                if (!file.isBlank() && play(file, background ? null : "").cutBy().isPresent()) {
                    break;
                }
            }
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
        if (missingSoundsFail && !timing.exists(required(command, 0), language())) {
            // res_agi.c handle_streamfile: ast_openstream failed, "200 result=-1 endpos=<offset>" at once.
            prompts.add(command.args().get(0));
            return "200 result=-1 endpos=0";
        }
        PromptPlayer.Played played = play(required(command, 0), required(command, 1));
        return "200 result=" + played.cutBy().map(d -> (int) d).orElse(0) + " endpos=" + played.endpos();
    }

    /**
     * CONTROL STREAM FILE file stopkeys [skipms [ffchar [rewchr [pausechr [offsetms]]]]]: only the stop keys end
     * it (fast-forward, rewind and pause keys are not modelled and count as ignored keys). Asterisk reports the
     * end position in milliseconds, -1 when the file played to its end, and sets CPLAYBACK* variables.
     */
    private String controlStreamFile(AgiCommand command) {
        if (command.args().size() < 2 || command.args().size() > 7) {
            throw new IllegalArgumentException("wrong argument count");
        }
        String file = required(command, 0);
        String stop = required(command, 1);
        long offsetMs = command.args().size() > 6 ? number(command.args().get(6)) : 0;
        if (command.args().size() > 2) {
            number(command.args().get(2));
        }
        PromptPlayer.Played played = play(file, stop);
        if (played.cutBy().isPresent()) {
            long endMs = offsetMs + played.played().toMillis();
            variables.put("CPLAYBACKSTATUS", "USERSTOPPED");
            variables.put("CPLAYBACKSTOPKEY", String.valueOf(played.cutBy().get()));
            variables.put("CPLAYBACKOFFSET", String.valueOf(endMs));
            return "200 result=" + (int) played.cutBy().get() + " endpos=" + endMs;
        }
        variables.put("CPLAYBACKSTATUS", "SUCCESS");
        variables.put("CPLAYBACKOFFSET", "-1");
        return "200 result=0 endpos=-1";
    }

    private String getOption(AgiCommand command) {
        String file = required(command, 0);
        String escapes = required(command, 1);
        long timeout = listenMillis(number(command.arg(2, "-1")), DEFAULT_LISTEN_MS);
        PromptPlayer.Played played = play(file, escapes);
        if (played.cutBy().isPresent()) {
            return "200 result=" + (int) played.cutBy().get() + " endpos=" + played.endpos();
        }
        // After the prompt Asterisk waits for any key, but reports only an escape digit (res_agi handle_getoption).
        int result = player.listen(Duration.ofMillis(timeout))
                .filter(digit -> escapes.indexOf(digit) >= 0)
                .map(digit -> (int) digit)
                .orElse(0);
        return "200 result=" + result + " endpos=" + played.endpos();
    }

    private String waitForDigit(AgiCommand command) {
        long timeout = listenMillis(number(required(command, 0)), MAX_LISTEN_MS);
        return "200 result=" + player.listen(Duration.ofMillis(timeout)).map(d -> (int) d).orElse(0);
    }

    private String getData(AgiCommand command) {
        String file = required(command, 0);
        long requested = number(command.arg(1, "0"));
        // Asterisk-Java leaves the timeout out (or sends 0) to mean "the default".
        long timeout = requested == 0 ? GET_DATA_DEFAULT_MS : listenMillis(requested, MAX_LISTEN_MS);
        int maxDigits = Math.clamp(number(command.arg(2, "1024")), 1, 1024);
        if (!file.isBlank()) {
            // ast_app_getdata plays its prompt with AST_DIGIT_ANY: any key stops it and is the first digit.
            Optional<Character> bargeIn = play(file, null).cutBy();
            if (bargeIn.isPresent()) {
                return "200 result=" + bargeIn.get();
            }
        }
        Optional<String> digits = player.listenForDigits(Duration.ofMillis(timeout), maxDigits);
        return digits.map(typed -> "200 result=" + typed).orElse("200 result= (timeout)");
    }

    private String recordFile(AgiCommand command) {
        prompts.add(required(command, 0));
        required(command, 2);
        long timeout = number(required(command, 3));
        if (speech != null) {
            return RecordedTake.record(command, timeout, speech, pause);
        }
        // A caller speaks for at most a second here: enough to prove the recording path without slowing tests.
        long recordMs = timeout < 0 ? MAX_RECORD_MS : Math.min(timeout, MAX_RECORD_MS);
        pause.pause(Duration.ofMillis(recordMs));
        return "200 result=0 endpos=" + RECORD_ENDPOS;
    }

    /** Plays {@code file} in time; {@code escapes} null means any key stops it. */
    private PromptPlayer.Played play(String file, String escapes) {
        prompts.add(file);
        input.played(file);
        return player.play(file, escapes);
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
