package org.hotline.agi.dialplan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Walks {@code extensions.conf} the way Asterisk would run it for one call, without an Asterisk: given the
 * channel variables the {@code hotline} AGI script left behind, it follows the priorities, evaluates the
 * conditions and reports where the caller ends up: {@code DIAL(target)}, {@code HANGUP_AFTER_SCRIPT} or
 * {@code FALLBACK_QUEUE}.
 *
 * <p>It models only what the Hotline dialplan uses and throws {@link UnsupportedOperationException} on
 * anything else, so a new construct in the dialplan cannot be silently misread:
 * <ul>
 *   <li>applications NoOp, Answer, Set, Goto, GotoIf, Gosub, Return, AGI, Dial (with its U() subroutine on the
 *       operator's channel), Queue, VoiceMail, Playback, Hangup, and Originate (asynchronous, to a Local channel,
 *       with v() variables);</li>
 *   <li>substitution of {@code ${VAR}} (channel variable, else global) and {@code $[...]} expressions with
 *       {@code & | ! = !=}, parentheses and quoted strings, done once and never re-scanned, as Asterisk
 *       does;</li>
 *   <li>functions {@code REGEX("re" string)} (POSIX extended, unanchored search, as func_strings does),
 *       {@code CHANNEL(language)}, and {@code VM_INFO(...)} answered from {@link Call#lookup}; writes to {@code CHANNEL(language)},
 *       {@code CHANNEL(hangup_handler_push)}, {@code TIMEOUT(absolute)} and {@code CALLERID(...)} are
 *       recorded as channel state under those names;</li>
 *   <li>{@code FILTER(chars,string)}, {@code STRFTIME(,,%s%3q)} (the walk's own clock, in epoch milliseconds),
 *       {@code SHARED(var[,channel])} and the built-in {@code CHANNEL} and {@code UNIQUEID};</li>
 *   <li>hangup handlers ({@link Call#thenHangUp}): run on the dead caller channel after the walk, where an AGI
 *       has no time limit at all (res_agi.c run_agi waits with {@code ms = -1} and no channel);</li>
 *   <li>time: the walk has a clock. The IVR takes {@link Call#ivrTakes}, an answered Dial rings and talks for
 *       {@link Call#operatorAnswers}, and an AGI whose server never answers blocks until a bound interrupts it
 *       (an absolute timeout or the Local channel's other half hanging up, each only with AGIEXITONHANGUP).</li>
 * </ul>
 *
 * <p>The AGI application {@code hotline} does not run anything: the walker copies the given variables into
 * the channel at that point. They must include {@code AGISTATUS}, which Asterisk itself sets (SUCCESS when
 * the server closed the connection, even mid-call; FAILURE when nothing listens; HANGUP; NOTFOUND). A test
 * that recorded the variables a real server set against a fake Asterisk can use
 * {@link #afterServerClosed(Map)} to add {@code AGISTATUS=SUCCESS}. Set {@code CHANNEL(language)} in the map
 * for a script that chose a language. The walk continues after the AGI whatever AGISTATUS says; on a real
 * Asterisk, AGISTATUS=HANGUP means the caller is gone and nothing after it runs.
 *
 * <p>Public (with {@link #load}, {@link #afterServerClosed} and {@link #walk}) for the process-level fault suite in
 * hotline-acceptance, which walks the variables that calls cut off by {@code kill -9} left behind.
 */
public final class DialplanWalker {

    /** What a caller reaches. */
    public enum Kind {
        /** Dial() to the operator the script named. */
        DIAL,
        /** Hangup() right after the script finished with HOTLINE_NEXT=hangup. */
        HANGUP_AFTER_SCRIPT,
        /** Queue(hotline-fallback): every operator rings. */
        FALLBACK_QUEUE,
        /** VoiceMail(): the fallback's last resort. */
        VOICEMAIL,
        /** Hangup() after a human or the last resort had their turn. */
        HANGUP,
        /** ConfBridge() into the call's room straight from the IVR: the on-call duty person waits there. */
        ROOM
    }

    /** A destination, e.g. {@code DIAL(PJSIP/1001)} or {@code FALLBACK_QUEUE}. */
    public record Outcome(Kind kind, String target) {
        public static final Outcome HANGUP_AFTER_SCRIPT = new Outcome(Kind.HANGUP_AFTER_SCRIPT, null);
        public static final Outcome FALLBACK_QUEUE = new Outcome(Kind.FALLBACK_QUEUE, null);

        public static Outcome dial(String target) {
            return new Outcome(Kind.DIAL, Objects.requireNonNull(target));
        }

        @Override
        public String toString() {
            return target == null ? kind.name() : kind.name() + "(" + target + ")";
        }
    }

    /** How a walk stopped. */
    enum End {
        /** At a Hangup(). */
        HANGUP,
        /** In Dial, Queue or VoiceMail, whose return the walk was not told about (the caller is there). */
        WAITING,
        /** Ran past the last priority of an extension: Asterisk hangs up without a word. */
        FELL_OFF,
        /** In an AGI that never returns, with nothing to interrupt it. */
        STUCK_IN_AGI,
        /** Return() with no Gosub to return to. */
        RETURNED
    }

    /** How an AGI ended: {@code interruptedBy} is null when the server closed, else what cut it off. */
    record AgiRun(String script, long startMs, long endMs, String interruptedBy) {
        long millis() {
            return endMs - startMs;
        }
    }

    /** What the FastAGI server does for a script: the variables it leaves, or null for "never answers". */
    interface AgiServer {
        /** Runs {@code script} for a channel with these variables; null when the server never answers. */
        Map<String, String> run(String script, String channel, String uniqueId, Map<String, String> channelVars);
    }

    /** One executed priority: the line, its arguments after substitution, and the channel state before it. */
    record Step(Dialplan.Priority priority, String args, Map<String, String> channel) {
        String app() {
            return priority.app();
        }

        String language() {
            return channel.get(CHANNEL_LANGUAGE);
        }

        @Override
        public String toString() {
            return "[" + priority.context() + "] " + priority.exten() + "," + priority.number() + " " + app() + "("
                    + args + ")";
        }
    }

    /**
     * A finished walk of one channel: the steps, the destinations in the order reached, how it ended, its start
     * and end by the walk's clock, the hangup handlers run on it, the channels it originated, the operator
     * channel's Dial U() subroutine, and the AGIs other than the IVR it ran.
     */
    record Walk(String channel, List<Step> steps, List<Outcome> outcomes, End end, long startMs, long endMs,
            List<Walk> handlers, List<Walk> originated, List<Walk> called, List<AgiRun> agiRuns) {
        /** How long this channel ran, by the walk's clock. */
        long millis() {
            return endMs - startMs;
        }

        /** The first destination: where the caller ends up after the IVR. */
        Outcome outcome() {
            if (outcomes.isEmpty()) {
                throw new AssertionError("the walk reached no destination (ended " + end + "): " + steps);
            }
            return outcomes.getFirst();
        }

        /** The steps running {@code application}, in order. */
        List<Step> steps(String application) {
            return steps.stream().filter(s -> s.app().equalsIgnoreCase(application)).toList();
        }

        /** The first step running {@code application}. */
        Step first(String application) {
            return steps.stream().filter(s -> s.app().equalsIgnoreCase(application)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + application + " in walk " + steps));
        }

        /** Index of the first step running {@code application}, or -1. */
        int indexOf(String application) {
            for (int i = 0; i < steps.size(); i++) {
                if (steps.get(i).app().equalsIgnoreCase(application)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** The channel-state key for the channel language (what Playback uses). */
    static final String CHANNEL_LANGUAGE = "CHANNEL(language)";
    /** Where every hotline call starts. */
    static final String ENTRY_CONTEXT = "hotline-inbound";
    static final String ENTRY_EXTEN = "1098";
    /** The language a channel has before anything sets one (Asterisk's default). */
    static final String ASTERISK_DEFAULT_LANGUAGE = "en";

    private static final int MAX_STEPS = 10_000;
    /** Where every walk's clock starts (epoch milliseconds). */
    static final long START_MS = 1_760_000_000_000L;
    /** The caller channel's name and uniqueid. */
    static final String CALLER_CHANNEL = "PJSIP/trunk-00000001";
    static final String CALLER_UNIQUE_ID = "1760000000.1";

    private final Dialplan dialplan;

    DialplanWalker(Dialplan dialplan) {
        this.dialplan = dialplan;
    }

    /** A walker over {@code asterisk-conf/extensions.conf}. */
    public static DialplanWalker load() {
        return new DialplanWalker(DialplanReader.extensionsConf());
    }

    Dialplan dialplan() {
        return dialplan;
    }

    /** Adds what Asterisk reports when the FastAGI server closed the connection itself: AGISTATUS=SUCCESS. */
    public static Map<String, String> afterServerClosed(Map<String, String> setByServer) {
        Map<String, String> vars = new LinkedHashMap<>(setByServer);
        vars.putIfAbsent("AGISTATUS", "SUCCESS");
        return vars;
    }

    /** Where a call to 1098 ends up after the hotline script left {@code leftByScript}. */
    public Outcome walk(Map<String, String> leftByScript) {
        return call(ENTRY_CONTEXT, ENTRY_EXTEN).afterScript(leftByScript).run().outcome();
    }

    /** Starts describing a call arriving in {@code context} for the dialled {@code exten}. */
    Call call(String context, String exten) {
        return new Call(context, exten);
    }

    /** One call to walk: where it enters, what the script leaves, what blocking applications return. */
    final class Call {
        private final String context;
        private final String exten;
        private final Map<String, String> initial = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> returns = new HashMap<>();
        private final Map<String, String> lookups = new HashMap<>();
        private Map<String, String> leftByScript;
        private boolean scriptHangs;
        private long ivrMillis;
        private long ringMillis = -1;
        private long talkMillis;
        private boolean hangUp;
        private AgiServer endServer = (script, channel, uniqueId, vars) -> Map.of("AGISTATUS", "SUCCESS");

        private Call(String context, String exten) {
            this.context = context;
            this.exten = exten;
            initial.put(CHANNEL_LANGUAGE, ASTERISK_DEFAULT_LANGUAGE);
        }

        /** A channel variable (or {@code CHANNEL(language)}) the channel has when it arrives. */
        Call channel(String name, String value) {
            initial.put(name, value);
            return this;
        }

        /**
         * The value a look-up function returns on this Asterisk, written as called, e.g.
         * {@code VM_INFO(1098@hotline,exists)} to {@code 0} for a box with no mailbox configured. Unless
         * given, {@code VM_INFO(...,exists)} is 1.
         */
        Call lookup(String call, String value) {
            lookups.put(call, value);
            return this;
        }

        /** What the hotline AGI script leaves; must include AGISTATUS. */
        Call afterScript(Map<String, String> vars) {
            if (!vars.containsKey("AGISTATUS")) {
                throw new IllegalArgumentException("give AGISTATUS too: Asterisk sets it after every AGI()"
                        + " (SUCCESS when the server closed the connection, FAILURE when nothing listens);"
                        + " see DialplanWalker.afterServerClosed. Got " + vars.keySet());
            }
            this.leftByScript = Map.copyOf(vars);
            this.scriptHangs = false;
            return this;
        }

        /**
         * The server accepts the connection and then never answers: the AGI returns only if the channel's
         * absolute timeout interrupts it, leaving {@code vars} (what it set before hanging) and
         * AGISTATUS=HANGUP.
         */
        Call scriptHangs(Map<String, String> vars) {
            this.leftByScript = new LinkedHashMap<>(vars);
            this.leftByScript.put("AGISTATUS", "HANGUP");
            this.scriptHangs = true;
            return this;
        }

        /** Lets Dial, Queue or VoiceMail return, setting {@code vars} (e.g. DIALSTATUS=NOANSWER). */
        Call whenReturns(String application, Map<String, String> vars) {
            returns.put(application.toLowerCase(Locale.ROOT), Map.copyOf(vars));
            return this;
        }

        /** How long the hotline AGI (menus, hold) takes, by the walk's clock. */
        Call ivrTakes(java.time.Duration duration) {
            this.ivrMillis = duration.toMillis();
            return this;
        }

        /**
         * Dial is answered after {@code ring}; the operator's U() subroutine runs, the two talk for {@code talk},
         * and the call ends (without the g option Dial does not return): DIALSTATUS=ANSWER, and ANSWEREDTIME as
         * app_dial.c sets it, from the caller channel's up time.
         */
        Call operatorAnswers(java.time.Duration ring, java.time.Duration talk) {
            this.ringMillis = ring.toMillis();
            this.talkMillis = talk.toMillis();
            return this;
        }

        /** After the walk stops (hang-up, or waiting in Dial/Queue/VoiceMail), the caller's hangup handlers run. */
        Call thenHangUp() {
            this.hangUp = true;
            return this;
        }

        /** The server that answers any AGI other than {@code hotline}; by default it closes at once. */
        Call endServer(AgiServer server) {
            this.endServer = Objects.requireNonNull(server);
            return this;
        }

        Walk run() {
            Run caller = new Run(this, initial, CALLER_CHANNEL, CALLER_UNIQUE_ID, new Clock(), new HashMap<>());
            return caller.execute(context, exten, true);
        }
    }

    // ---- execution ------------------------------------------------------------------------------------------

    private record Frame(String context, String exten, int number, Map<String, String> savedArgs) {
    }

    /** The walk's clock, shared by every channel of one call. */
    private static final class Clock {
        long nowMs = START_MS;
    }

    private final class Run {
        private final Call call;
        private final Map<String, String> vars;
        private final String channelName;
        private final String uniqueId;
        private final Clock clock;
        /** SHARED() variables of every channel of this call, by channel name. */
        private final Map<String, Map<String, String>> shared;
        private final long startMs;
        private final Deque<Frame> stack = new ArrayDeque<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<Outcome> outcomes = new ArrayList<>();
        private final List<Walk> handlers = new ArrayList<>();
        private final List<Walk> originated = new ArrayList<>();
        /** Dial's U() subroutine, run on the operator's channel. */
        private final List<Walk> called = new ArrayList<>();
        private final List<AgiRun> agiRuns = new ArrayList<>();
        private final List<String> pushedHandlers = new ArrayList<>();
        /** A hangup handler runs on a dead channel (res_agi.c agi_exec: ast_check_hangup, then dead mode). */
        private boolean dead;
        /** For the ;2 half of an originated Local channel: when the ;1 half gives up and hangs up, or -1. */
        private long otherHalfHangsUpAtMs = -1;
        /** When the channel's absolute timeout fires, or -1. */
        private long absoluteTimeoutAtMs = -1;
        private String context;
        private String exten;
        private int number;

        Run(Call call, Map<String, String> initial, String channelName, String uniqueId, Clock clock,
                Map<String, Map<String, String>> shared) {
            this.call = call;
            this.vars = new LinkedHashMap<>(initial);
            this.channelName = channelName;
            this.uniqueId = uniqueId;
            this.clock = clock;
            this.shared = shared;
            this.startMs = clock.nowMs;
            shared.computeIfAbsent(channelName, name -> new HashMap<>());
        }

        Walk execute(String startContext, String dialled, boolean runHandlers) {
            context = startContext;
            exten = dialplan.extensionFor(startContext, dialled).orElseThrow(() -> new IllegalArgumentException(
                    "[" + startContext + "] has no extension for " + dialled));
            number = 1;
            End end = loop();
            if (runHandlers && call.hangUp && (end == End.HANGUP || end == End.WAITING)) {
                runHangupHandlers();
            }
            return finish(end);
        }

        private End loop() {
            for (int count = 0; count < MAX_STEPS; count++) {
                var found = dialplan.at(context, exten, number);
                if (found.isEmpty()) {
                    return End.FELL_OFF;
                }
                Dialplan.Priority p = found.get();
                End end = step(p);
                if (end != null) {
                    return end;
                }
            }
            throw new AssertionError("more than " + MAX_STEPS + " steps: the dialplan loops; last " + steps.getLast());
        }

        /** Runs the pushed handlers, last pushed first, each as a Gosub on this now dead channel. */
        private void runHangupHandlers() {
            dead = true;
            for (String spec : pushedHandlers.reversed()) {
                Run handler = new Run(call, vars, channelName, uniqueId, clock, shared);
                handler.dead = true;
                Dialplan.Target target = Dialplan.parseTarget(spec, context, exten);
                Dialplan.Priority first = dialplan.resolve(target).orElseThrow(() -> new IllegalStateException(
                        "no hangup handler at " + spec));
                handler.context = first.context();
                handler.exten = first.exten();
                handler.number = first.number();
                End end = handler.loop();
                handlers.add(handler.finish(end));
            }
        }

        private Walk finish(End end) {
            return new Walk(channelName, List.copyOf(steps), List.copyOf(outcomes), end, startMs, clock.nowMs,
                    List.copyOf(handlers), List.copyOf(originated), List.copyOf(called), List.copyOf(agiRuns));
        }

        private void record(Dialplan.Priority p, String args) {
            steps.add(new Step(p, args, Map.copyOf(vars)));
        }

        /** Runs one priority; returns how the walk ends, or null to go on. */
        private End step(Dialplan.Priority p) {
            String app = p.app().toLowerCase(Locale.ROOT);
            switch (app) {
                case "noop", "answer", "playback" -> {
                    record(p, substitute(p.args()));
                    number++;
                    return null;
                }
                case "set" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    set(p, data);
                    number++;
                    return null;
                }
                case "goto" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    jump(Dialplan.parseTarget(data, context, exten), p);
                    return null;
                }
                case "gotoif" -> {
                    // Asterisk substitutes the whole argument, then splits at the first '?' and ':'.
                    String data = substitute(p.args());
                    record(p, data);
                    int question = data.indexOf('?');
                    if (question < 0) {
                        throw new IllegalStateException("GotoIf without '?': " + p.where());
                    }
                    String branches = data.substring(question + 1);
                    int colon = branches.indexOf(':');
                    String chosen = isTrue(data.substring(0, question))
                            ? (colon < 0 ? branches : branches.substring(0, colon))
                            : (colon < 0 ? "" : branches.substring(colon + 1));
                    if (chosen.isBlank()) {
                        number++;
                    } else {
                        jump(Dialplan.parseTarget(chosen, context, exten), p);
                    }
                    return null;
                }
                case "gosub" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    Dialplan.Target target = Dialplan.parseTarget(data, context, exten);
                    Map<String, String> saved = new HashMap<>();
                    for (int i = 1; i <= Math.max(target.args().size(), 9); i++) {
                        String name = "ARG" + i;
                        saved.put(name, vars.remove(name));
                    }
                    stack.push(new Frame(context, exten, number + 1, saved));
                    for (int i = 0; i < target.args().size(); i++) {
                        vars.put("ARG" + (i + 1), target.args().get(i));
                    }
                    jump(target, p);
                    return null;
                }
                case "return" -> {
                    record(p, substitute(p.args()));
                    if (stack.isEmpty()) {
                        return End.RETURNED;
                    }
                    Frame frame = stack.pop();
                    frame.savedArgs().forEach((name, value) -> {
                        if (value == null) {
                            vars.remove(name);
                        } else {
                            vars.put(name, value);
                        }
                    });
                    context = frame.context();
                    exten = frame.exten();
                    number = frame.number();
                    return null;
                }
                case "agi" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    String url = Dialplan.splitArgs(data).getFirst();
                    String script = url.substring(url.lastIndexOf('/') + 1);
                    if (!script.equals("hotline")) {
                        return otherScript(p, script);
                    }
                    if (dead) {
                        throw new UnsupportedOperationException("the hotline script on a dead channel: " + p.where());
                    }
                    clock.nowMs += call.ivrMillis;
                    if (call.leftByScript == null) {
                        throw new IllegalStateException("the walk reached AGI(hotline) but the test gave no"
                                + " afterScript(...) or scriptHangs(...): " + p.where());
                    }
                    call.leftByScript.forEach(vars::put);
                    if (call.scriptHangs) {
                        return interruptHungScript(p);
                    }
                    number++;
                    return null;
                }
                case "dial" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    List<String> args = Dialplan.splitArgs(data);
                    outcomes.add(Outcome.dial(args.getFirst()));
                    if (call.ringMillis >= 0) {
                        return answered(p, args.size() > 2 ? args.get(2) : "");
                    }
                    return returnOrWait("dial");
                }
                case "confbridge" -> {
                    // The conversation, in the call's conference, until the caller or the last operator leaves.
                    String data = substitute(p.args());
                    record(p, data);
                    if (outcomes.isEmpty()) {
                        outcomes.add(new Outcome(Kind.ROOM, Dialplan.splitArgs(data).getFirst()));
                    }
                    clock.nowMs += call.talkMillis;
                    number++;
                    return null;
                }
                case "originate" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    originate(p, data);
                    number++;
                    return null;
                }
                case "queue" -> {
                    String data = substitute(p.args());
                    record(p, data);
                    String queue = Dialplan.splitArgs(data).getFirst();
                    if (!queue.equals("hotline-fallback")) {
                        throw new UnsupportedOperationException("the walker knows only the hotline-fallback queue: "
                                + p.where());
                    }
                    outcomes.add(Outcome.FALLBACK_QUEUE);
                    return returnOrWait("queue");
                }
                case "voicemail" -> {
                    record(p, substitute(p.args()));
                    outcomes.add(new Outcome(Kind.VOICEMAIL, null));
                    return returnOrWait("voicemail");
                }
                case "hangup" -> {
                    record(p, substitute(p.args()));
                    outcomes.add(outcomes.isEmpty() ? Outcome.HANGUP_AFTER_SCRIPT : new Outcome(Kind.HANGUP, null));
                    return End.HANGUP;
                }
                default -> throw new UnsupportedOperationException("the walker does not model " + p.app() + ": "
                        + p.where());
            }
        }

        /**
         * The operator answers after the ring: Dial's U(context^args) runs as Gosub(context,s,1(args)) on the
         * operator's channel (app_dial.c OPT_CALLEE_GOSUB), then the two talk, then the call ends. Dial sets
         * DIALSTATUS=ANSWER and ANSWEREDTIME from ast_channel_get_up_time_ms(caller) (end_bridge_callback): the
         * time since the caller's channel was answered, i.e. since the walk began.
         */
        private End answered(Dialplan.Priority p, String options) {
            clock.nowMs += call.ringMillis;
            java.util.regex.Matcher u = Pattern.compile("U\\(([^)]*)\\)").matcher(options);
            if (options.replaceAll("\\([^)]*\\)", "").replaceAll("[mUG]", "").length() > 0) {
                throw new UnsupportedOperationException("the walker models only Dial options m(), U() and G(): "
                        + p.where());
            }
            // G(context^exten^priority): once answered, the caller goes there and the operator to the next priority
            // (app_dial.c OPT_GOTO), both into the call's conference, where they talk (ConfBridge, modelled as the
            // talk time). app_dial.c runs G() before U() and jumps away, so U() would never run; and with no bridge
            // in Dial, end_bridge_callback never sets ANSWEREDTIME. DIALSTATUS is ANSWER all the same.
            java.util.regex.Matcher g = Pattern.compile("G\\(([^)]*)\\)").matcher(options);
            if (g.find()) {
                if (u.find()) {
                    throw new IllegalStateException("Dial's U() never runs together with G() (app_dial.c): "
                            + p.where());
                }
                List<String> to = List.of(g.group(1).split("\\^", -1));
                for (int offset = 0; offset < 2; offset++) {
                    Dialplan.Target target = new Dialplan.Target(to.get(0), to.get(1),
                            String.valueOf(Integer.parseInt(to.get(2)) + offset), List.of());
                    if (dialplan.resolve(target).isEmpty()) {
                        throw new IllegalStateException("Dial G() leads nowhere: " + target + " at " + p.where());
                    }
                }
                vars.put("DIALSTATUS", "ANSWER");
                jump(new Dialplan.Target(to.get(0), to.get(1), to.get(2), List.of()), p);
                return null;
            }
            if (u.find()) {
                List<String> parts = List.of(u.group(1).split("\\^", -1));
                String operator = "PJSIP/operator-00000002";
                Run callee = new Run(call, Map.of(CHANNEL_LANGUAGE, ASTERISK_DEFAULT_LANGUAGE), operator,
                        "1760000000.2", clock, shared);
                for (int i = 1; i < parts.size(); i++) {
                    callee.vars.put("ARG" + i, parts.get(i));
                }
                Dialplan.Priority first = dialplan.resolve(new Dialplan.Target(parts.getFirst(), "s", "1", List.of()))
                        .orElseThrow(() -> new IllegalStateException("no U() subroutine " + parts.getFirst()));
                callee.context = first.context();
                callee.exten = first.exten();
                callee.number = 1;
                End end = callee.loop();
                if (end != End.RETURNED) {
                    throw new IllegalStateException("the U() subroutine must Return, ended " + end);
                }
                called.add(callee.finish(end));
            }
            clock.nowMs += call.talkMillis;
            vars.put("DIALSTATUS", "ANSWER");
            vars.put("ANSWEREDTIME", String.valueOf((clock.nowMs - startMs) / 1000));
            vars.put("ANSWEREDTIME_MS", String.valueOf(clock.nowMs - startMs));
            return End.HANGUP;
        }

        /**
         * Originate(Local/exten@context,app,...,timeout,a v(A=1^B=2)): returns at once (AST_OUTGOING_NO_WAIT) with
         * ORIGINATE_STATUS=SUCCESS. The v() variables are set on the Local ;1 half (pbx.c pbx_outgoing_attempt)
         * and copied to ;2 (core_unreal.c ast_unreal_call_setup), which runs exten@context. No caller ID is given
         * without the c/n options. ;2 never answering, ;1 hangs up after the timeout, which hangs ;2 up too.
         */
        private void originate(Dialplan.Priority p, String data) {
            List<String> args = Dialplan.splitArgs(data);
            if (args.size() != 7 || !args.get(1).equals("app")) {
                throw new UnsupportedOperationException("the walker models Originate(Local/...,app,App,,,timeout,"
                        + "options) only: " + p.where());
            }
            java.util.regex.Matcher local = Pattern.compile("Local/([^@/]+)@([A-Za-z0-9_-]+)").matcher(args.get(0));
            java.util.regex.Matcher options = Pattern.compile("a(?:v\\(([^)]*)\\))?").matcher(args.get(6));
            if (!local.matches() || !options.matches() || !args.get(5).matches("[1-9][0-9]*")) {
                throw new UnsupportedOperationException("the walker models only an asynchronous Originate (option a,"
                        + " optional v()) of Local/exten@context with a timeout: " + p.where());
            }
            Map<String, String> passed = new LinkedHashMap<>();
            passed.put(CHANNEL_LANGUAGE, ASTERISK_DEFAULT_LANGUAGE);
            if (options.group(1) != null) {
                for (String pair : options.group(1).split("\\^")) {
                    int eq = pair.indexOf('=');
                    String name = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : pair.substring(eq + 1);
                    if (!value.isEmpty()) {
                        passed.put(name, value);
                    }
                }
            }
            vars.put("ORIGINATE_STATUS", "SUCCESS");
            String name = "Local/" + local.group(1) + "@" + local.group(2) + "-00000003;2";
            // The new channel runs in a thread of its own: it has its own clock, and this channel goes on at once.
            Clock parallel = new Clock();
            parallel.nowMs = clock.nowMs;
            Run report = new Run(call, passed, name, "1760000000.3", parallel, shared);
            report.otherHalfHangsUpAtMs = parallel.nowMs + Long.parseLong(args.get(5)) * 1000;
            originated.add(report.execute(local.group(2), local.group(1), false));
        }

        /**
         * An AGI other than the IVR: asks {@link Call#endServer}. A server that never answers blocks the AGI until
         * the channel is hung up, and AGI() returns then only with AGIEXITONHANGUP; on a dead channel nothing
         * interrupts it (run_agi waits on the socket alone, ms = -1).
         */
        private End otherScript(Dialplan.Priority p, String script) {
            Map<String, String> channelVars = new LinkedHashMap<>(vars);
            Map<String, String> result = call.endServer.run(script, channelName, uniqueId, channelVars);
            long started = clock.nowMs;
            if (result != null) {
                vars.putAll(result);
                agiRuns.add(new AgiRun(script, started, clock.nowMs, null));
                number++;
                return null;
            }
            boolean exitsOnHangup = isTrueWord(vars.getOrDefault("AGIEXITONHANGUP", ""));
            // An absolute timeout is a time of day on the channel; a dead channel is not watched at all.
            long timeoutAt = dead ? -1 : absoluteTimeoutAtMs;
            long hangupAt = otherHalfHangsUpAtMs;
            if (dead || !exitsOnHangup || (timeoutAt < 0 && hangupAt < 0)) {
                agiRuns.add(new AgiRun(script, started, Long.MAX_VALUE, null));
                return End.STUCK_IN_AGI;
            }
            boolean byTimeout = timeoutAt >= 0 && (hangupAt < 0 || timeoutAt <= hangupAt);
            clock.nowMs = Math.max(started, byTimeout ? timeoutAt : hangupAt);
            agiRuns.add(new AgiRun(script, started, clock.nowMs, byTimeout ? "TIMEOUT(absolute)" : "Local ;1 hang-up"));
            vars.put("AGISTATUS", "HANGUP");
            if (byTimeout && dialplan.extensionFor(context, "T").filter("T"::equals).isPresent()) {
                vars.remove("TIMEOUT(absolute)");
                absoluteTimeoutAtMs = -1;
                exten = "T";
                number = 1;
                return null;
            }
            return End.HANGUP;
        }

        /**
         * The AGI never returns by itself. If an absolute timeout is set (and AGIEXITONHANGUP, so AGI() does
         * not wait for the silent server after the soft hang-up), Asterisk interrupts it and continues at
         * exten T of the current context; otherwise the caller stays in silence.
         */
        private End interruptHungScript(Dialplan.Priority p) {
            String timeout = vars.getOrDefault("TIMEOUT(absolute)", "0");
            boolean exitsOnHangup = isTrueWord(vars.getOrDefault("AGIEXITONHANGUP", ""));
            if (!timeout.matches("\\d+") || Long.parseLong(timeout) <= 0 || !exitsOnHangup
                    || dialplan.extensionFor(context, "T").filter("T"::equals).isEmpty()) {
                return End.STUCK_IN_AGI;
            }
            vars.remove("TIMEOUT(absolute)");
            clock.nowMs = Math.max(clock.nowMs, absoluteTimeoutAtMs);
            absoluteTimeoutAtMs = -1;
            exten = "T";
            number = 1;
            return null;
        }

        private End returnOrWait(String app) {
            Map<String, String> result = call.returns.get(app);
            if (result == null) {
                return End.WAITING;
            }
            vars.putAll(result);
            number++;
            return null;
        }

        private void jump(Dialplan.Target target, Dialplan.Priority from) {
            Dialplan.Priority to = dialplan.resolve(target).orElseThrow(() -> new IllegalStateException(
                    "jump to a missing target " + target + " from " + from.where()));
            context = to.context();
            exten = to.exten();
            number = to.number();
        }

        private void set(Dialplan.Priority p, String data) {
            int eq = data.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("Set without name=value: " + p.where());
            }
            String name = data.substring(0, eq).strip();
            String value = data.substring(eq + 1);
            if (name.contains("(")) {
                String function = name.substring(0, name.indexOf('(')).toUpperCase(Locale.ROOT);
                switch (function) {
                    case "CHANNEL" -> {
                        if (!name.equals(CHANNEL_LANGUAGE) && !name.equals("CHANNEL(hangup_handler_push)")) {
                            throw new UnsupportedOperationException("the walker does not model " + name + ": "
                                    + p.where());
                        }
                        if (name.equals("CHANNEL(hangup_handler_push)")) {
                            pushedHandlers.add(value);
                        }
                        vars.put(name, value);
                    }
                    case "TIMEOUT", "CALLERID" -> {
                        vars.put(name, value);
                        if (name.equals("TIMEOUT(absolute)")) {
                            // func_timeout.c: ast_channel_setwhentohangup_tv(now + value); 0 clears it.
                            long seconds = value.matches("\\d+") ? Long.parseLong(value) : 0;
                            absoluteTimeoutAtMs = seconds > 0 ? clock.nowMs + seconds * 1000 : -1;
                        }
                    }
                    case "SHARED" -> {
                        List<String> args = Dialplan.splitArgs(name.substring(name.indexOf('(') + 1,
                                name.lastIndexOf(')')));
                        String target = args.size() > 1 && !args.get(1).isEmpty() ? args.get(1) : channelName;
                        Map<String, String> store = shared.get(target);
                        if (store == null) {
                            // func_global.c shared_write: "Channel '%s' not found!", nothing is written.
                            throw new IllegalStateException("SHARED() names a channel that does not exist: "
                                    + target + " at " + p.where());
                        }
                        store.put(args.getFirst(), value);
                    }
                    default -> throw new UnsupportedOperationException("the walker does not model " + name + ": "
                            + p.where());
                }
            } else if (name.startsWith("_")) {
                // Inherited by the channels this one creates (the operator's, through Dial); on this channel it is
                // an ordinary variable (channel.c ast_channel_inherit_variables strips the underscores there).
                String plain = name.replaceFirst("^_{1,2}", "");
                if (value.isEmpty()) {
                    vars.remove(plain);
                } else {
                    vars.put(plain, value);
                }
            } else if (value.isEmpty()) {
                vars.remove(name);
            } else {
                vars.put(name, value);
            }
        }

        // ---- substitution ---------------------------------------------------------------------------------

        /** Replaces ${...} and $[...] once, from the inside out; substituted values are never re-scanned. */
        String substitute(String text) {
            StringBuilder out = new StringBuilder();
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                    int end = Dialplan.matchingBrace(text, i + 2);
                    if (end < 0) {
                        throw new IllegalStateException("unclosed ${ in " + text);
                    }
                    out.append(reference(substitute(text.substring(i + 2, end))));
                    i = end + 1;
                } else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '[') {
                    int end = Dialplan.matchingBracket(text, i + 2);
                    if (end < 0) {
                        throw new IllegalStateException("unclosed $[ in " + text);
                    }
                    out.append(new Expression(substitute(text.substring(i + 2, end))).evaluate());
                    i = end + 1;
                } else {
                    out.append(c);
                    i++;
                }
            }
            return out.toString();
        }

        private String reference(String inner) {
            int open = inner.indexOf('(');
            if (open > 0 && inner.endsWith(")")) {
                String function = inner.substring(0, open);
                String args = inner.substring(open + 1, inner.lastIndexOf(')'));
                return switch (function.toUpperCase(Locale.ROOT)) {
                    case "REGEX" -> regex(args);
                    case "CHANNEL" -> {
                        if (!args.equals("language")) {
                            throw new UnsupportedOperationException("the walker does not model CHANNEL(" + args
                                    + ")");
                        }
                        yield vars.getOrDefault(CHANNEL_LANGUAGE, ASTERISK_DEFAULT_LANGUAGE);
                    }
                    case "FILTER" -> {
                        int comma = args.indexOf(',');
                        if (comma < 0) {
                            throw new IllegalStateException("FILTER(<allowed-chars>,<string>): " + inner);
                        }
                        yield filter(args.substring(0, comma), args.substring(comma + 1));
                    }
                    case "STRFTIME" -> {
                        if (!args.equals(",,%s%3q")) {
                            throw new UnsupportedOperationException("the walker models only STRFTIME(,,%s%3q), the"
                                    + " current epoch milliseconds: " + inner);
                        }
                        yield String.valueOf(clock.nowMs);
                    }
                    case "SHARED" -> {
                        List<String> parts = Dialplan.splitArgs(args);
                        String target = parts.size() > 1 && !parts.get(1).isEmpty() ? parts.get(1) : channelName;
                        yield shared.getOrDefault(target, Map.of()).getOrDefault(parts.getFirst(), "");
                    }
                    case "VM_INFO" -> {
                        String value = call.lookups.get(inner);
                        if (value == null && !args.endsWith(",exists")) {
                            throw new UnsupportedOperationException("give lookup(\"" + inner + "\", ...)");
                        }
                        yield value == null ? "1" : value;
                    }
                    default -> throw new UnsupportedOperationException("the walker does not model the function "
                            + function);
                };
            }
            if (inner.contains(":")) {
                throw new UnsupportedOperationException("the walker does not model substrings: ${" + inner + "}");
            }
            // Asterisk's built-in channel values come before channel variables (pbx_retrieve_variable).
            if (inner.equals("CHANNEL")) {
                return channelName;
            }
            if (inner.equals("UNIQUEID")) {
                return uniqueId;
            }
            String value = vars.get(inner);
            if (value == null) {
                value = dialplan.globals().get(inner);
            }
            return value == null ? "" : value;
        }
    }

    // ---- FILTER(), as func_strings.c does it --------------------------------------------------------------

    /**
     * {@code FILTER(allowed,string)}: keeps the characters of {@code string} in {@code allowed}, which lists
     * characters and ranges {@code a-z}; a backslash takes the next character literally (ast_get_encoded_char;
     * the \\x, \\0, \\n, \\t and \\r forms are not modelled).
     */
    static String filter(String allowed, String string) {
        java.util.BitSet set = new java.util.BitSet(256);
        int i = 0;
        while (i < allowed.length()) {
            char c1 = allowed.charAt(i);
            if (c1 == '\\' && i + 1 < allowed.length()) {
                c1 = literal(allowed.charAt(++i));
            }
            i++;
            if (i < allowed.length() && allowed.charAt(i) == '-' && i + 1 < allowed.length()) {
                char c2 = allowed.charAt(++i);
                if (c2 == '\\' && i + 1 < allowed.length()) {
                    c2 = literal(allowed.charAt(++i));
                }
                i++;
                set.set(c1, c2 + 1);
            } else {
                set.set(c1);
            }
        }
        StringBuilder out = new StringBuilder();
        for (char c : string.toCharArray()) {
            if (c < 256 && set.get(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static char literal(char escaped) {
        if ("xX0ntr".indexOf(escaped) >= 0) {
            throw new UnsupportedOperationException("the walker does not model FILTER escapes like \\" + escaped);
        }
        return escaped;
    }

    // ---- REGEX(), as func_strings.c does it ---------------------------------------------------------------

    /**
     * {@code REGEX("re" string)}: the text before the first quote is ignored, the regex runs to the next
     * quote outside parentheses and brackets, the rest (one leading space or tab dropped) is the string.
     * Returns "1" on a match anywhere, "0" otherwise, "" when the arguments are malformed (Asterisk logs an
     * error and the function reads as empty).
     */
    static String regex(String args) {
        int first = args.indexOf('"');
        if (first < 0) {
            return "";
        }
        int depthParen = 0;
        int depthBracket = 0;
        int close = -1;
        for (int i = first + 1; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '(') {
                depthParen++;
            } else if (c == ')') {
                depthParen = Math.max(0, depthParen - 1);
            } else if (c == '[') {
                depthBracket++;
            } else if (c == ']') {
                depthBracket = Math.max(0, depthBracket - 1);
            } else if (c == '"' && depthParen == 0 && depthBracket == 0) {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return "";
        }
        String re = args.substring(first + 1, close);
        String string = args.substring(close + 1);
        if (!string.isEmpty() && (string.charAt(0) == ' ' || string.charAt(0) == '\t')) {
            string = string.substring(1);
        }
        return Pattern.compile(posixToJava(re), Pattern.DOTALL).matcher(string).find() ? "1" : "0";
    }

    /**
     * POSIX {@code $} (no REG_NEWLINE) matches only at the very end; Java's also matches before a final line
     * break. Translate unescaped {@code $} outside brackets to {@code \z}.
     */
    static String posixToJava(String re) {
        StringBuilder out = new StringBuilder();
        boolean inBracket = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\' && i + 1 < re.length()) {
                out.append(c).append(re.charAt(++i));
            } else if (c == '[' && !inBracket) {
                inBracket = true;
                out.append(c);
            } else if (c == ']' && inBracket) {
                inBracket = false;
                out.append(c);
            } else if (c == '$' && !inBracket) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    // ---- conditions and $[...] ------------------------------------------------------------------------------

    /** pbx_checkcondition: empty is false, a leading integer is its truth, any other text is true. */
    static boolean isTrue(String condition) {
        String s = condition.stripLeading();
        if (s.isEmpty()) {
            return false;
        }
        var m = Pattern.compile("^([+-]?\\d+)").matcher(s);
        if (m.find()) {
            return Long.parseLong(m.group(1)) != 0;
        }
        return true;
    }

    private static boolean isTrueWord(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "y", "t", "1", "on" -> true;
            default -> false;
        };
    }

    /**
     * The subset of Asterisk's expression language the dialplan uses: {@code | & = != !}, parentheses,
     * quoted strings and bare tokens. {@code a & b} is a if both are non-empty and non-zero, else 0;
     * {@code a | b} is a if it is, else b; comparisons give 1 or 0, numerically when both sides are integers.
     */
    static final class Expression {
        private final List<String> tokens = new ArrayList<>();
        private int position;

        Expression(String text) {
            tokenize(text);
        }

        String evaluate() {
            if (tokens.isEmpty()) {
                return "";
            }
            String value = or();
            if (position != tokens.size()) {
                throw new UnsupportedOperationException("cannot evaluate $[" + String.join(" ", tokens) + "]");
            }
            return value;
        }

        private void tokenize(String text) {
            int i = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    int end = text.indexOf('"', i + 1);
                    if (end < 0) {
                        throw new UnsupportedOperationException("unclosed quote in $[" + text + "]");
                    }
                    tokens.add(text.substring(i, end + 1));
                    i = end + 1;
                } else if (text.startsWith("!=", i)) {
                    tokens.add("!=");
                    i += 2;
                } else if ("()&|!=".indexOf(c) >= 0) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else if ("<>+-*/%:~?".indexOf(c) >= 0) {
                    throw new UnsupportedOperationException("the walker does not model the operator " + c
                            + " in $[" + text + "]");
                } else {
                    int start = i;
                    while (i < text.length() && !Character.isWhitespace(text.charAt(i))
                            && "()&|!=\"<>+-*/%:~?".indexOf(text.charAt(i)) < 0) {
                        i++;
                    }
                    String word = text.substring(start, i);
                    if (i < text.length() && text.charAt(i) == '(') {
                        throw new UnsupportedOperationException("a function call inside $[...] (" + word
                                + "(...)): Asterisk would run it; the walker refuses to");
                    }
                    tokens.add(word);
                }
            }
        }

        private String peek() {
            return position < tokens.size() ? tokens.get(position) : null;
        }

        private String or() {
            String left = and();
            while ("|".equals(peek())) {
                position++;
                String right = and();
                left = zeroOrNull(left) ? right : left;
            }
            return left;
        }

        private String and() {
            String left = comparison();
            while ("&".equals(peek())) {
                position++;
                String right = comparison();
                left = zeroOrNull(left) || zeroOrNull(right) ? "0" : left;
            }
            return left;
        }

        private String comparison() {
            String left = unary();
            String op = peek();
            if ("=".equals(op) || "!=".equals(op)) {
                position++;
                String right = unary();
                boolean equal = left.matches("-?\\d+") && right.matches("-?\\d+")
                        ? Long.parseLong(left) == Long.parseLong(right)
                        : left.equals(right);
                return (equal == "=".equals(op)) ? "1" : "0";
            }
            return left;
        }

        private String unary() {
            String token = peek();
            if (token == null) {
                throw new UnsupportedOperationException("expression ends early: " + tokens);
            }
            position++;
            if (token.equals("!")) {
                return zeroOrNull(unary()) ? "1" : "0";
            }
            if (token.equals("(")) {
                String value = or();
                if (!")".equals(peek())) {
                    throw new UnsupportedOperationException("missing ) in " + tokens);
                }
                position++;
                return value;
            }
            if (token.startsWith("\"")) {
                return token.substring(1, token.length() - 1);
            }
            if ("&|=!=)".contains(token)) {
                throw new UnsupportedOperationException("operand expected, got " + token + " in " + tokens);
            }
            return token;
        }

        private static boolean zeroOrNull(String value) {
            return value.isEmpty() || (value.matches("-?\\d+") && Long.parseLong(value) == 0);
        }
    }
}
