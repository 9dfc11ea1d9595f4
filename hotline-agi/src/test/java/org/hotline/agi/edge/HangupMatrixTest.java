package org.hotline.agi.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.asteriskjava.fastagi.internal.AgiConnectionHandler;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.HangupStyle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller hangs up at every step of the IVR, both the way Asterisk announces it (a HANGUP line, then 511 for
 * every command) and the way it does with AGIEXITONHANGUP (the connection just closes). Each call ends with
 * the outcome and step it reached, dispatch hears that a queued caller left, and after 1,000 such calls no
 * connection, call thread or file descriptor is left behind.
 */
class HangupMatrixTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "hangs up at every step of the call; the steps, not their timing, are the point";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OPERATOR = "PJSIP/1001";
    private static final int REPETITIONS = 1_000;
    private static final int CONCURRENT = 50;

    /** Where the caller hangs up, what the caller did before, and how the call must be recorded. */
    enum Step {
        WELCOME(CallOutcome.ABANDONED_IN_MENU, CallStep.ENTERED, null,
                b -> b.hangupWhen(starts("STREAM FILE \"prs/hotline/welcome\""))),
        LANGUAGE_OPTION(CallOutcome.ABANDONED_IN_MENU, CallStep.ENTERED, null,
                b -> b.hangupWhen(starts("STREAM FILE \"tg/hotline/lang-option\""))),
        LANGUAGE_WAIT(CallOutcome.ABANDONED_IN_MENU, CallStep.ENTERED, null,
                b -> b.hangupWhen(nth("WAIT FOR DIGIT", 1))),
        INVALID_KEY_PROMPT(CallOutcome.ABANDONED_IN_MENU, CallStep.ENTERED, null,
                b -> b.press('*').hangupWhen(starts("STREAM FILE \"prs/hotline/invalid\""))),
        LANGUAGE_SET(CallOutcome.ABANDONED_IN_MENU, CallStep.LANGUAGE_CHOSEN, null,
                b -> b.press('3').hangupWhen(starts("SET VARIABLE \"CHANNEL(language)\""))),
        PURPOSE_PROMPT(CallOutcome.ABANDONED_IN_MENU, CallStep.LANGUAGE_CHOSEN, null,
                b -> b.press('1').hangupWhen(starts("STREAM FILE \"hotline/purpose\""))),
        PURPOSE_WAIT(CallOutcome.ABANDONED_IN_MENU, CallStep.LANGUAGE_CHOSEN, null,
                b -> b.press('1').hangupWhen(nth("WAIT FOR DIGIT", 2))),
        EMERGENCY_PROMPT(CallOutcome.ABANDONED_IN_MENU, CallStep.PURPOSE_CHOSEN, null,
                b -> b.press('1').press('1').hangupWhen(starts("STREAM FILE \"hotline/emergency\""))),
        CONNECTING_PROMPT(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(starts("STREAM FILE \"hotline/connecting\""))),
        HOLD_MUSIC(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(starts("SET MUSIC ON"))),
        HOLD_WAIT(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(nth("WAIT FOR DIGIT", 3))),
        POSITION_ANNOUNCEMENT(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(starts("STREAM FILE \"hotline/position-before\""))),
        VOICEMAIL_OFFER(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(starts("STREAM FILE \"hotline/voicemail-offer\""))),
        VOICEMAIL_RECORD(CallOutcome.VOICEMAIL, CallStep.VOICEMAIL, CallOutcome.VOICEMAIL,
                b -> b.press('1').press('2').pressAfterPrompt("hotline/voicemail-offer", '9')
                        .hangupWhen(starts("RECORD FILE"))),
        TRANSFER_PROMPT(CallOutcome.ABANDONED_IN_QUEUE, CallStep.QUEUED, CallOutcome.ABANDONED_IN_QUEUE,
                b -> b.press('1').press('2').hangupWhen(starts("STREAM FILE \"hotline/transfer\"")));

        final CallOutcome outcome;
        final CallStep outcomeStep;
        /** What dispatch must hear when the caller leaves the queue; null for a caller who never queued. */
        final CallOutcome left;
        final UnaryOperator<FakeCall.Builder> caller;

        Step(CallOutcome outcome, CallStep outcomeStep, CallOutcome left, UnaryOperator<FakeCall.Builder> caller) {
            this.outcome = outcome;
            this.outcomeStep = outcomeStep;
            this.left = left;
            this.caller = caller;
        }
    }

    @TempDir
    static Path dataDir;
    static IvrHarness ivr;
    static FakeDispatch dispatch;
    /** Calls dispatch assigns an operator at once; everyone else waits in hold. */
    static final Set<String> assigned = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.position-interval", "150ms",
                "ivr.hold.voicemail-after", "250ms"));
        dispatch = ivr.dispatch().onIntake(intake -> {
            if (assigned.contains(intake.asteriskUniqueId())) {
                dispatch.send(intake.callId(), FakeDispatch.assignment(OPERATOR));
            }
        });
    }

    @AfterAll
    static void stop() {
        dispatch.close();
        ivr.close();
    }

    static Stream<Arguments> everyStepBothWays() {
        return Stream.of(Step.values()).flatMap(step -> Stream.of(HangupStyle.values())
                .map(style -> Arguments.of(step, style)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyStepBothWays")
    void aHangupAtThisStepIsRecordedWithTheStepReached(Step step, HangupStyle style) {
        FakeCall call = call(step, style);

        CallRecord record = call.run(CALL_LIMIT);

        assertThat(record.callerHungUp()).as("the caller hung up at %s", step).isTrue();
        if (style == HangupStyle.HANGUP_LINE) {
            // Asterisk keeps the socket open after HANGUP; the server must close it itself.
            assertThat(record.closedByServer()).isTrue();
        }
        assertThat(record.variables()).doesNotContainKey("HOTLINE_IVR_DONE");
        CallSummary stored = ivr.settled(call.uniqueId());
        assertRecorded(step, stored);
        if (step.left != null) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(dispatch.lefts())
                    .contains(new CallLeft(stored.callId(), step.left)));
        } else {
            assertThat(dispatch.intakes()).noneMatch(i -> i.asteriskUniqueId().equals(call.uniqueId()));
        }
        await().atMost(WAIT).until(() -> ivr.openConnections() == 0);
        assertThat(gauge("hotline.calls.in.menu")).isZero();
        assertThat(gauge("hotline.calls.in.hold")).isZero();
    }

    @Test
    void aThousandHangupsAtRandomStepsLeaveNothingBehind() throws Exception {
        // Warm up, so lazily opened files (classes, the database) are in the baseline.
        runAll(List.of(call(Step.TRANSFER_PROMPT, HangupStyle.EOF), call(Step.VOICEMAIL_RECORD, HangupStyle.HANGUP_LINE)));
        await().atMost(WAIT).until(() -> ivr.openConnections() == 0);
        long baselineDescriptors = Edge.openFileDescriptors();

        long seed = System.nanoTime();
        Random random = new Random(seed);
        List<FakeCall> calls = new ArrayList<>();
        Map<String, Step> stepOf = new ConcurrentHashMap<>();
        for (int i = 0; i < REPETITIONS; i++) {
            Step step = Step.values()[random.nextInt(Step.values().length)];
            FakeCall call = call(step, HangupStyle.values()[random.nextInt(2)]);
            calls.add(call);
            stepOf.put(call.uniqueId(), step);
        }

        List<CallRecord> records = runAll(calls);

        assertThat(records).as("seed %d", seed).hasSize(REPETITIONS).allMatch(CallRecord::callerHungUp);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(ivr.openConnections()).isZero();
            assertThat(AgiConnectionHandler.AGI_CONNECTION_HANDLERS).isEmpty();
            assertThat(Edge.liveAgiCallThreads()).isZero();
            assertThat(Edge.openFileDescriptors()).isLessThanOrEqualTo(baselineDescriptors + 10);
            assertThat(gauge("hotline.calls.in.menu")).isZero();
            assertThat(gauge("hotline.calls.in.hold")).isZero();
        });
        Map<String, CallOutcome> leftByCall = dispatch.lefts().stream()
                .collect(Collectors.toMap(CallLeft::callId, CallLeft::outcome, (a, b) -> a));
        for (FakeCall call : calls) {
            Step step = stepOf.get(call.uniqueId());
            CallSummary stored = ivr.journal().findByAsteriskId(call.uniqueId()).orElseThrow();
            assertRecorded(step, stored);
            assertThat(leftByCall.get(stored.callId())).as("what dispatch heard at %s", step).isEqualTo(step.left);
        }
    }

    private static void assertRecorded(Step step, CallSummary stored) {
        assertThat(stored.outcome()).as("outcome at %s", step).isEqualTo(step.outcome);
        assertThat(stored.outcomeStep()).as("outcome step at %s", step).isEqualTo(step.outcomeStep);
        assertThat(stored.operatorTarget()).isNull();
        if (step == Step.VOICEMAIL_RECORD) {
            assertThat(stored.voicemailRef()).isEqualTo(stored.callId() + ".wav");
        }
    }

    private static FakeCall call(Step step, HangupStyle style) {
        FakeCall call = step.caller.apply(ivr.instantCall(INSTANT).hangupBy(style)).build();
        if (step == Step.TRANSFER_PROMPT) {
            assigned.add(call.uniqueId());
        }
        return call;
    }

    /** Runs the calls, at most {@link #CONCURRENT} at a time, each on its own virtual thread. */
    private static List<CallRecord> runAll(List<FakeCall> calls) throws Exception {
        Semaphore lines = new Semaphore(CONCURRENT);
        List<Future<CallRecord>> running = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (FakeCall call : calls) {
                lines.acquire();
                running.add(executor.submit(() -> {
                    try {
                        return call.run(CALL_LIMIT);
                    } finally {
                        lines.release();
                    }
                }));
            }
            List<CallRecord> records = new ArrayList<>();
            for (Future<CallRecord> call : running) {
                records.add(call.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS));
            }
            return records;
        }
    }

    private static double gauge(String name) {
        return ivr.registry().get(name).gauge().value();
    }

    private static Predicate<String> starts(String prefix) {
        return command -> command.startsWith(prefix);
    }

    /** The {@code n}-th command starting with {@code prefix}; each call gets its own count. */
    private static Predicate<String> nth(String prefix, int n) {
        AtomicInteger seen = new AtomicInteger();
        return command -> command.startsWith(prefix) && seen.incrementAndGet() == n;
    }
}
