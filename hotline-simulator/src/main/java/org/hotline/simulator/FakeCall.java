package org.hotline.simulator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One call as a fake Asterisk 22 would place it: a FastAGI client that connects to a server, sends the
 * {@code agi_*} header and answers every command like Asterisk, with a scripted caller pressing keys,
 * staying silent or hanging up.
 *
 * <pre>{@code
 * CallRecord record = FakeCall.builder("127.0.0.1", port)
 *         .callerId("0700123456")
 *         .press('2')
 *         .pressAfterPrompt("hotline/voicemail-offer", '9')
 *         .build()
 *         .run(Duration.ofSeconds(30));
 * }</pre>
 *
 * <p>Prompts take real time: each playback lasts as long as its sound file
 * ({@code asterisk-conf/sounds/<language>/<file>.wav}, see {@link Builder#soundsDir}), and a key pressed during
 * it stops it only if it is an escape digit, as on Asterisk. {@link Builder#playbackTime} and
 * {@link Builder#instantPrompts} replace that for tests that say why.
 *
 * <p>A call is immutable and can be {@link #run} more than once; each run starts with a fresh keypad.
 */
public final class FakeCall {
    private static final AtomicLong COUNTER = new AtomicLong();

    final String host;
    final int port;
    final String uniqueId;
    final Map<String, String> header;
    final Map<String, String> variables;
    final List<CallerInput.Entry> input;
    final Predicate<String> hangupWhen;
    final Consumer<String> onCommand;
    final Duration hangupAfter;
    final HangupStyle hangupStyle;
    /** How long the caller speaks into RECORD FILE, or null. */
    final Duration speech;
    /** STREAM FILE of a missing sound answers -1 at once. */
    final boolean missingSoundsFail;
    final PromptTiming promptTiming;

    private FakeCall(Builder builder, String uniqueId, Map<String, String> header) {
        this.host = builder.host;
        this.port = builder.port;
        this.uniqueId = uniqueId;
        this.header = header;
        this.variables = Map.copyOf(builder.variables);
        this.input = List.copyOf(builder.input);
        this.hangupWhen = builder.hangupWhen;
        this.onCommand = builder.onCommand;
        this.hangupAfter = builder.hangupAfter;
        this.hangupStyle = builder.hangupStyle;
        this.speech = builder.speech;
        this.missingSoundsFail = builder.missingSoundsFail;
        this.promptTiming = builder.playbackTime != null
                ? PromptTiming.fixed(builder.playbackTime)
                : PromptTiming.fromSounds(builder.soundsDir != null ? builder.soundsDir
                        : PromptTiming.defaultSoundsDir().orElse(null), builder.missingSoundTime);
    }

    /** Starts a call to the FastAGI server at {@code host:port}. */
    public static Builder builder(String host, int port) {
        return new Builder(host, port);
    }

    /**
     * Connects, sends the header and answers commands until the server closes the socket (or, with
     * {@link HangupStyle#EOF}, until the caller hangs up).
     *
     * @param timeout how long the whole call may take
     * @throws FakeCallTimeoutException if the timeout passes first
     * @throws FakeCallException if the server cannot be reached or the conversation breaks
     */
    public CallRecord run(Duration timeout) {
        return new CallSession(this, timeout).run();
    }

    /** The {@code agi_uniqueid} this call sends. */
    public String uniqueId() {
        return uniqueId;
    }

    /** The header lines in the order they are sent (without the closing empty line). */
    public Map<String, String> header() {
        return header;
    }

    @Override
    public String toString() {
        // No caller id or name here: these strings end up in logs.
        return "FakeCall[" + uniqueId + " -> " + host + ":" + port + "]";
    }

    /** Collects a call's header values, channel variables and caller script. */
    public static final class Builder {
        private final String host;
        private final int port;
        private String script = "hotline";
        private String uniqueId;
        private String callerId = "unknown";
        private String callerIdName = "unknown";
        private String extension = "1098";
        private String dnid = "1098";
        private String channel;
        private final Map<String, String> headerOverrides = new LinkedHashMap<>();
        private final Map<String, String> variables = new LinkedHashMap<>();
        private final List<CallerInput.Entry> input = new ArrayList<>();
        private Predicate<String> hangupWhen = command -> false;
        private Consumer<String> onCommand = command -> { };
        private Duration hangupAfter;
        private HangupStyle hangupStyle = HangupStyle.HANGUP_LINE;
        /** Null: each prompt lasts as long as its sound file. */
        private Duration playbackTime;
        private Path soundsDir;
        private Duration missingSoundTime = PromptTiming.DEFAULT_MISSING_SOUND_TIME;
        /** Null: RECORD FILE writes no file (the caller is not heard). */
        private Duration speech;
        private boolean missingSoundsFail;

        private static final Duration KNOWN_KEY_DELAY = Duration.ofMillis(200);

        private Builder(String host, int port) {
            this.host = Objects.requireNonNull(host, "host");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
        }

        /** The script name: {@code agi_network_script} and the path of {@code agi_request}. Default {@code hotline}. */
        public Builder script(String script) {
            this.script = Objects.requireNonNull(script, "script");
            return this;
        }

        /** {@code agi_uniqueid}; by default a fresh {@code <epochSeconds>.<counter>}. */
        public Builder uniqueId(String uniqueId) {
            this.uniqueId = Objects.requireNonNull(uniqueId, "uniqueId");
            return this;
        }

        /** {@code agi_callerid}, sent verbatim; default {@code unknown}. */
        public Builder callerId(String callerId) {
            this.callerId = Objects.requireNonNull(callerId, "callerId");
            return this;
        }

        /** {@code agi_calleridname}, sent verbatim; default {@code unknown}. */
        public Builder callerIdName(String callerIdName) {
            this.callerIdName = Objects.requireNonNull(callerIdName, "callerIdName");
            return this;
        }

        /** {@code agi_extension}; default {@code 1098}. */
        public Builder extension(String extension) {
            this.extension = Objects.requireNonNull(extension, "extension");
            return this;
        }

        /** {@code agi_dnid}, the number dialled; default {@code 1098}. */
        public Builder dnid(String dnid) {
            this.dnid = Objects.requireNonNull(dnid, "dnid");
            return this;
        }

        /** {@code agi_channel}; {@code agi_type} follows its technology. Default {@code PJSIP/trunk-<8 hex>}. */
        public Builder channel(String channel) {
            this.channel = Objects.requireNonNull(channel, "channel");
            return this;
        }

        /** Sets any header line: replaces a default key in place, or appends a new one. */
        public Builder header(String key, String value) {
            headerOverrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A channel variable the server can read with GET VARIABLE or GET FULL VARIABLE. */
        public Builder variable(String name, String value) {
            variables.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** A key heard at the next WAIT FOR DIGIT, GET DATA or GET OPTION wait (not as a barge-in). */
        public Builder press(char digit) {
            return press(String.valueOf(digit));
        }

        /**
         * Keys typed together: GET DATA hears them all (up to {@code #} and its max digits); a single-digit
         * command hears the first and leaves the rest for the next one.
         */
        public Builder press(String digits) {
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("press at least one key");
            }
            input.add(new CallerInput.Press(digits));
            return this;
        }

        /** The next listening command times out. */
        public Builder silence() {
            input.add(new CallerInput.Silence());
            return this;
        }

        /**
         * The caller presses {@code digit} halfway through {@code file}'s playback (STREAM FILE, GET OPTION,
         * CONTROL STREAM FILE, GET DATA's prompt, Background). As on Asterisk, an escape digit stops the prompt
         * there (GET DATA and Background stop on any key), and any other key is dropped: no later command hears
         * it. A language-qualified file such as {@code prs/hotline/purpose} matches {@code hotline/purpose}.
         * Until such a playback comes, this entry holds the head of the script.
         */
        public Builder pressDuring(String file, char digit) {
            input.add(new CallerInput.PressDuring(Objects.requireNonNull(file, "file"), digit));
            return this;
        }

        /**
         * Like {@link #pressDuring(String, char)}, but the key comes {@code after} this long into the playback.
         * If the prompt is shorter, the key comes after it ended: the next playback or listening command that is
         * going on at that moment hears it (a playback only if it is an escape digit), and if none is, it is lost,
         * as Asterisk drops keys while it waits for the next AGI command.
         */
        public Builder pressDuring(String file, char digit, Duration after) {
            input.add(new CallerInput.PressDuring(Objects.requireNonNull(file, "file"), digit,
                    requireNotNegative(after, "after")));
            return this;
        }

        /**
         * A caller who knows the hotline's menus: presses {@code language} 200 ms into {@code hotline/welcome} and
         * {@code purpose} 200 ms into {@code hotline/purpose}, so a call with real prompts reaches intake in about
         * half a second instead of the 40 s a caller who waits for every prompt spends there.
         */
        public Builder pressDuringMenus(char language, char purpose) {
            return pressDuring(CallerPlans.WELCOME, language, KNOWN_KEY_DELAY)
                    .pressDuring(CallerPlans.PURPOSE, purpose, KNOWN_KEY_DELAY);
        }

        /** Like {@link #press(char)}, but only once {@code file} has been played; until then listening times out. */
        public Builder pressAfterPrompt(String file, char digit) {
            return pressAfterPrompt(file, String.valueOf(digit));
        }

        /** Like {@link #press(String)}, but only once {@code file} has been played; until then listening times out. */
        public Builder pressAfterPrompt(String file, String digits) {
            if (digits.isEmpty()) {
                throw new IllegalArgumentException("press at least one key");
            }
            input.add(new CallerInput.PressAfterPrompt(Objects.requireNonNull(file, "file"), digits));
            return this;
        }

        /**
         * The caller hangs up instead of answering the first command line that matches (the line as sent,
         * for example {@code GET DATA "hotline/purpose" 5000 1}). Several conditions add up: any one suffices.
         */
        public Builder hangupWhen(Predicate<String> command) {
            this.hangupWhen = this.hangupWhen.or(Objects.requireNonNull(command, "command"));
            return this;
        }

        /**
         * The caller hangs up at the first command after {@code delay} since connecting, or during a playback
         * or listening wait that is still going on at that moment.
         */
        public Builder hangupAfter(Duration delay) {
            this.hangupAfter = requireNotNegative(delay, "delay");
            return this;
        }

        /**
         * Sees each command line as it arrives, before it is answered (on the call's thread). With real prompt
         * lengths a test should make other parties react to the caller's progress ("when the position is
         * announced, assign an operator") rather than to a clock.
         */
        public Builder onCommand(Consumer<String> observer) {
            this.onCommand = this.onCommand.andThen(Objects.requireNonNull(observer, "observer"));
            return this;
        }

        /**
         * Runs {@code action} once, as the first command line starting with {@code prefix} arrives and before it is
         * answered: "accept the call when Asterisk starts playing {@code connecting}".
         */
        public Builder atStartOf(String prefix, Runnable action) {
            Objects.requireNonNull(prefix, "prefix");
            Objects.requireNonNull(action, "action");
            AtomicBoolean done = new AtomicBoolean();
            return onCommand(line -> {
                if (line.startsWith(prefix) && done.compareAndSet(false, true)) {
                    action.run();
                }
            });
        }

        /** How the caller hangs up; default {@link HangupStyle#HANGUP_LINE}. */
        public Builder hangupBy(HangupStyle style) {
            this.hangupStyle = Objects.requireNonNull(style, "style");
            return this;
        }

        /**
         * Every prompt lasts {@code playbackTime}, whatever its sound file: for tests whose wall time real
         * prompts would blow up. By default a prompt lasts as long as its file. Zero is
         * {@link #instantPrompts(String)}, which asks why.
         */
        public Builder playbackTime(Duration playbackTime) {
            if (requireNotNegative(playbackTime, "playbackTime").isZero()) {
                throw new IllegalArgumentException("zero-time prompts hide timing bugs; use instantPrompts(why)");
            }
            this.playbackTime = playbackTime;
            return this;
        }

        /**
         * Every prompt takes no time at all. Real prompts last seconds, and a zero-time fake once hid a bug (an
         * operator's accept lost while the IVR was inside a long prompt), so only a test that says why may do
         * this, for example a pure menu-logic test or one that places a thousand calls.
         *
         * @param why the reason this test does not need real prompt timing; must not be blank
         */
        public Builder instantPrompts(String why) {
            if (why == null || why.isBlank()) {
                throw new IllegalArgumentException("instantPrompts needs a reason why this test may ignore prompt timing");
            }
            this.playbackTime = Duration.ZERO;
            return this;
        }

        /**
         * Where the prompt sounds are ({@code <dir>/<language>/hotline/<key>.wav}, made by {@code scripts/prompts}).
         * Default: the nearest {@code asterisk-conf/sounds} at or above the working directory.
         */
        public Builder soundsDir(Path soundsDir) {
            this.soundsDir = Objects.requireNonNull(soundsDir, "soundsDir");
            return this;
        }

        /** How long a prompt lasts when its sound file is missing or unreadable; default 2 s. */
        public Builder missingSoundTime(Duration missingSoundTime) {
            this.missingSoundTime = requireNotNegative(missingSoundTime, "missingSoundTime");
            return this;
        }

        /**
         * The caller speaks for {@code speech} whenever the script records (RECORD FILE), then falls silent. As
         * Asterisk does, the fake then writes {@code <file>.<format>} (WAV: 8 kHz mono 16-bit, a 440 Hz tone for the
         * voice), ends the take after the script's silence limit ({@code s=}) or its timeout, in real time, and answers
         * {@code result=-1 (writefile)} when the file cannot be created. Without it, RECORD FILE writes nothing.
         */
        public Builder speaksWhenRecording(Duration speech) {
            this.speech = requireNotNegative(speech, "speech");
            return this;
        }

        /**
         * STREAM FILE of a sound that is not under the sounds folder (nor an absolute path that exists) answers
         * {@code 200 result=-1 endpos=0} at once, as Asterisk does ({@code res_agi.c} {@code handle_streamfile} when
         * {@code ast_openstream} fails), instead of lasting {@link #missingSoundTime}.
         */
        public Builder missingSoundsFail() {
            this.missingSoundsFail = true;
            return this;
        }

        public FakeCall build() {
            long sequence = COUNTER.incrementAndGet();
            String id = uniqueId != null ? uniqueId : Instant.now().getEpochSecond() + "." + sequence;
            String channelName = channel != null ? channel : String.format("PJSIP/trunk-%08x", sequence);
            Map<String, String> header = AgiHeader.build(host, port, script, channelName, id, callerId,
                    callerIdName, dnid, extension, headerOverrides);
            // An agi_uniqueid override is what the server sees, so it is the id this call reports.
            return new FakeCall(this, header.getOrDefault("agi_uniqueid", id), header);
        }

        private static Duration requireNotNegative(Duration duration, String what) {
            if (Objects.requireNonNull(duration, what).isNegative()) {
                throw new IllegalArgumentException(what + " must not be negative");
            }
            return duration;
        }
    }
}
