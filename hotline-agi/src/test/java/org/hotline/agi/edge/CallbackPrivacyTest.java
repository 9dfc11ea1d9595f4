package org.hotline.agi.edge;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallbackRequested;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackId;
import org.hotline.core.callback.CallbackVault;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The opt-in callback is the one place a raw caller number lives for a while. Callers with known numbers go
 * through the real FastAGI IVR, hear the safety sentence and the offer, and accept; then not one form of their
 * numbers may be found in the data directory's bytes (database, step log, keys, the callback files themselves),
 * the log at every level, the bus traffic or the commands sent to Asterisk. The numbers are only in the
 * encrypted vault, and once each callback is done (succeeded, failed, or past its retention) not even there.
 */
class CallbackPrivacyTest {
    private static final String INSTANT = "a sweep of callers for leaked numbers, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Map<String, String> CALLBACK_ON = Map.of("callback.enabled", "true", "callback.languages", "prs,ur",
            "callback.offer-after", "100ms", "ivr.hold.voicemail-after", "10m", "callback.retention", "2h");

    /** A caller: the number Asterisk reports, its E.164 form, the language key pressed. */
    record Caller(String number, String e164, char languageKey) {
    }

    private static final List<Caller> CALLERS = List.of(
            new Caller("+93701234567", "+93701234567", '1'),
            new Caller("0702345678", "+93702345678", '1'),
            new Caller("0093788112233", "+93788112233", '6'),
            new Caller("+923001234567", "+923001234567", '6'));

    @TempDir
    Path dataDir;

    @Test
    void offByDefaultNobodyIsOfferedACallbackAndNoVaultIsMade() {
        IvrHarness ivr = IvrHarness.start(dataDir, Map.of("callback.offer-after", "100ms",
                "ivr.hold.max", "1s", "ivr.voicemail.enabled", "false"));
        try (FakeDispatch dispatch = ivr.dispatch()) {
            CallRecord record = ivr.instantCall(INSTANT).callerId("+93701234567").press('1').press('2')
                    .build().run(CALL_LIMIT);
            assertThat(record.prompts()).as("a caller who held past callback.offer-after")
                    .contains("hotline/call-again").doesNotContain("hotline/callback-safety", "hotline/callback-offer");
            assertThat(dispatch.intakes()).hasSize(1);
        } finally {
            ivr.close();
        }
        assertThat(dataDir.resolve("callbacks")).doesNotExist();
        assertThat(dataDir.resolve("callback.key")).doesNotExist();
    }

    @Test
    void anAcceptedCallbackKeepsThePlaceAndLeavesNoTraceOnceDone() throws Exception {
        List<String> commands = new ArrayList<>();
        List<String> busTraffic = new CopyOnWriteArrayList<>();
        List<CallbackRequested> requests = new CopyOnWriteArrayList<>();
        Map<Caller, CallSummary> stored = new LinkedHashMap<>();
        List<String> logLines;
        IvrHarness ivr;
        CallbackVault vault;
        try (LogCapture logs = LogCapture.everyLevelOf(org.slf4j.Logger.ROOT_LOGGER_NAME, "org.hotline",
                "org.asteriskjava")) {
            ivr = IvrHarness.start(dataDir, CALLBACK_ON);
            try (FakeDispatch dispatch = ivr.dispatch()) {
                ivr.vertx().eventBus().addOutboundInterceptor(context -> {
                    busTraffic.add(context.message().address() + " " + context.message().headers() + " "
                            + context.body());
                    context.next();
                });
                ivr.vertx().eventBus().<JsonObject>consumer(BusAddresses.CALLBACK_REQUESTED,
                        m -> requests.add(CallbackRequested.fromJson(m.body())))
                        .completion().toCompletionStage().toCompletableFuture().join();
                for (Caller caller : CALLERS) {
                    CallRecord record = ivr.instantCall(INSTANT).callerId(caller.number()).callerIdName("Secret Name")
                            .press(caller.languageKey()).press('2').pressAfterPrompt("hotline/callback-offer", '7')
                            .build().run(CALL_LIMIT);
                    commands.addAll(record.commands());
                    List<String> prompts = record.prompts();
                    assertThat(prompts).as("the safety sentence comes first")
                            .containsSubsequence("hotline/callback-safety", "hotline/callback-offer",
                                    "hotline/callback-accepted");
                    assertThat(record.variable("HOTLINE_IVR_DONE")).contains("1");
                    assertThat(record.variable("HOTLINE_NEXT")).contains("hangup");
                    stored.put(caller, await().atMost(Duration.ofSeconds(10)).until(
                            () -> ivr.journal().findByAsteriskId(record.uniqueId()).orElse(null),
                            c -> c != null && c.step() == CallStep.CALLBACK_REQUESTED));
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() == CALLERS.size());
                // The place is kept: dispatch was never told these callers left.
                assertThat(dispatch.lefts()).isEmpty();
                assertThat(stored.values()).allSatisfy(call -> assertThat(call.outcome()).as("waiting").isNull());
                assertThat(requests).extracting(CallbackRequested::callId).containsExactlyInAnyOrderElementsOf(
                        stored.values().stream().map(CallSummary::callId).toList());

                // The numbers are there, encrypted: the vault (as call control opens it) gives each one back.
                vault = CallbackVault.open(CallbackConfig.from(ivr.settings()));
                Instant now = Instant.now();
                Map<String, String> revealed = new LinkedHashMap<>();
                for (CallbackRequested request : requests) {
                    revealed.put(request.callId(), vault.reveal(new CallbackId(request.callbackId()), now)
                            .orElseThrow());
                }
                assertThat(revealed.values()).containsExactlyInAnyOrderElementsOf(
                        CALLERS.stream().map(Caller::e164).toList());
                assertThat(vault.kept()).isEqualTo(CALLERS.size());

                // As call control does: one callback connects, one runs out of attempts; each destroys its number
                // and publishes the result, which the call's record takes.
                finish(ivr, vault, requests.get(0), CallbackResult.Result.CONNECTED, 1, 0);
                finish(ivr, vault, requests.get(1), CallbackResult.Result.FAILED, 3, 5);
                assertThat(outcome(ivr, requests.get(0))).isEqualTo(CallOutcome.ANSWERED);
                assertThat(outcome(ivr, requests.get(1))).isEqualTo(CallOutcome.CALLBACK_FAILED);
                assertThat(ivr.journal().find(requests.get(1).callId()).orElseThrow().outcomeStep())
                        .isEqualTo(CallStep.CALLBACK_REQUESTED);
            } finally {
                ivr.close();
            }
            logLines = logs.all().stream().map(LogCapture::text).toList();
        }

        Set<String> needles = needles();
        assertThat(commands).as("commands sent to Asterisk").allMatch(Edge::knownShape);
        assertNowhere(needles, "commands sent to Asterisk", commands);
        assertNowhere(needles, "log output", logLines);
        assertNowhere(needles, "event bus traffic", busTraffic);
        assertThat(String.join("\n", busTraffic)).contains(requests.get(0).callbackId());
        sweepDataDirectory(needles, 2);

        // The other two are still pending when their retention runs out.
        CallbackConfig config = CallbackConfig.from(ivr.settings());
        List<CallbackVault.Expired> expired = vault.destroyExpired(Instant.now().plus(config.retention()).plusSeconds(1));
        assertThat(expired).extracting(e -> e.id().value()).containsExactlyInAnyOrder(
                requests.get(2).callbackId(), requests.get(3).callbackId());
        assertThat(expired).extracting(CallbackVault.Expired::callId).containsExactlyInAnyOrder(
                requests.get(2).callId(), requests.get(3).callId());
        assertThat(vault.kept()).isZero();
        try (Stream<Path> left = Files.list(config.directory())) {
            assertThat(left).as("the callback directory once every callback is done").isEmpty();
        }
        sweepDataDirectory(needles, 0);
    }

    @Test
    void aPendingCallbackPastItsRetentionIsDestroyedAndRecordedOnTheCall() throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(CALLBACK_ON);
        settings.put("callback.retention", "1s");
        settings.put("callback.sweep-interval", "100ms");
        List<CallbackResult> results = new CopyOnWriteArrayList<>();
        IvrHarness ivr = IvrHarness.start(dataDir, settings);
        try (FakeDispatch dispatch = ivr.dispatch()) {
            ivr.vertx().eventBus().<JsonObject>consumer(BusAddresses.CALLBACK_RESULT,
                    m -> results.add(CallbackResult.fromJson(m.body())))
                    .completion().toCompletionStage().toCompletableFuture().join();
            Caller caller = CALLERS.get(0);
            CallRecord record = ivr.instantCall(INSTANT).callerId(caller.number()).press(caller.languageKey())
                    .press('2').pressAfterPrompt("hotline/callback-offer", '7').build().run(CALL_LIMIT);
            assertThat(record.prompts()).contains("hotline/callback-accepted");
            CallSummary call = await().atMost(Duration.ofSeconds(20)).until(
                    () -> ivr.journal().findByAsteriskId(record.uniqueId()).orElse(null),
                    c -> c != null && c.outcome() != null);
            assertThat(call.outcome()).isEqualTo(CallOutcome.CALLBACK_FAILED);
            assertThat(call.outcomeStep()).isEqualTo(CallStep.CALLBACK_REQUESTED);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.callId()).isEqualTo(call.callId());
                assertThat(r.result()).isEqualTo(CallbackResult.Result.EXPIRED);
            });
        } finally {
            ivr.close();
        }
        sweepDataDirectory(needles(), 0);
    }

    @Test
    void aCallerWhoHangsUpAfterAcceptingAndARestartLeaveTheCallbackOwed() throws Exception {
        Caller caller = CALLERS.get(1);
        String callId;
        IvrHarness first = IvrHarness.start(dataDir, CALLBACK_ON);
        try (FakeDispatch dispatch = first.dispatch()) {
            // Hanging up during "we will call you back" is what the caller was asked to do.
            CallRecord record = first.instantCall(INSTANT).callerId(caller.number()).press(caller.languageKey())
                    .press('2').pressAfterPrompt("hotline/callback-offer", '7')
                    .hangupWhen(c -> c.startsWith("STREAM FILE \"hotline/callback-accepted\"")).build()
                    .run(CALL_LIMIT);
            assertThat(record.callerHungUp()).isTrue();
            CallSummary call = await().atMost(Duration.ofSeconds(10)).until(
                    () -> first.journal().findByAsteriskId(record.uniqueId()).orElse(null),
                    c -> c != null && c.step() == CallStep.CALLBACK_REQUESTED);
            callId = call.callId();
            assertThat(call.outcome()).as("not abandoned: the callback is owed").isNull();
            assertThat(dispatch.lefts()).isEmpty();
        } finally {
            first.close();
        }
        // A restart does not close the owed callback as failed, and its number is still kept, encrypted.
        IvrHarness second = IvrHarness.start(dataDir, CALLBACK_ON);
        try {
            assertThat(second.journal().find(callId).orElseThrow().outcome()).isNull();
            assertThat(CallbackVault.open(CallbackConfig.from(second.settings())).kept()).isEqualTo(1);
        } finally {
            second.close();
        }
        sweepDataDirectory(needles(), 1);
    }

    private static void finish(IvrHarness ivr, CallbackVault vault, CallbackRequested request,
                               CallbackResult.Result result, int attempts, int reason) {
        assertThat(vault.destroy(new CallbackId(request.callbackId()))).isTrue();
        ivr.vertx().eventBus().publish(BusAddresses.CALLBACK_RESULT,
                new CallbackResult(request.callId(), request.callbackId(), result, attempts, reason).toJson());
    }

    private static CallOutcome outcome(IvrHarness ivr, CallbackRequested request) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> ivr.journal().find(request.callId()).map(CallSummary::outcome).orElse(null),
                o -> o != null);
    }

    private void sweepDataDirectory(Set<String> needles, int callbacksPending) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("the sweep sees the database and the step log")
                .anyMatch(f -> f.getFileName().toString().endsWith(".mv.db"))
                .anyMatch(f -> f.getParent().getFileName().toString().equals("steps"))
                .anyMatch(f -> f.getFileName().toString().equals("callback.key"));
        assertThat(files.stream().filter(f -> f.getFileName().toString().endsWith(".cb")).count())
                .as("encrypted callback files").isEqualTo(callbacksPending);
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            String asText = new String(bytes, UTF_8);
            for (String needle : needles) {
                assertThat(asText).as("%s as text must not hold '%s'", file, needle).doesNotContain(needle);
                for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
                    assertThat(indexOf(bytes, needle.getBytes(charset)))
                            .as("%s must not hold '%s' in %s", file, needle, charset).isNegative();
                }
            }
        }
    }

    /** Each number as dialled, as digits, with and without '+', without the country code, without leading zeros. */
    private static Set<String> needles() {
        Set<String> needles = new LinkedHashSet<>();
        for (Caller caller : CALLERS) {
            String digits = caller.number().replaceAll("[^0-9]", "");
            needles.add(caller.number());
            needles.add(digits);
            needles.add(digits.replaceFirst("^0+", ""));
            needles.add(caller.e164());
            needles.add(caller.e164().substring(1));
            // Both countries here have two-digit codes (+93, +92): the national number, with and without its trunk 0.
            needles.add(caller.e164().substring(3));
            needles.add("0" + caller.e164().substring(3));
        }
        return needles;
    }

    private static void assertNowhere(Set<String> needles, String where, List<String> haystack) {
        for (String text : haystack) {
            for (String needle : needles) {
                assertThat(text).as("%s must not hold caller data '%s'", where, needle).doesNotContain(needle);
            }
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
