package org.hotline.callcontrol;

import org.hotline.core.bus.CallEnded;

import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallbackDial;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.bus.CallbackResult.Result;
import org.hotline.core.callback.CallbackConfig;
import org.hotline.core.callback.CallbackId;
import org.hotline.core.callback.CallbackVault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The operator presses Call on a callback: call control rings their phone into the call's conference, decrypts
 * the number server-side and dials it through the fake Asterisk's AMI. Answered, failed (busy on every attempt)
 * or past its retention, the number is destroyed, and it appears in no log line (Asterisk-Java's included, at
 * every level), no bus message and no byte of the data directory.
 */
class CallbackDialTest {
    private static final String CALL = "5e0c1f7a-1111-4222-8333-444455556666";
    private static final String ROOM = "hotline-" + CALL;
    private static final String ANSWERS = "+93701234567";
    private static final String BUSY = "+93702345678";
    private static final List<String> NEEDLES = List.of(ANSWERS, BUSY, "93701234567", "93702345678",
            "0701234567", "0702345678", "701234567", "702345678");

    @TempDir
    Path dir;

    private CallControlHarness cc;
    private CallbackVault vault;
    private final List<String> busTraffic = new CopyOnWriteArrayList<>();
    private final List<CallbackResult> published = new CopyOnWriteArrayList<>();
    private Level asteriskJavaLevel;

    @BeforeEach
    void start() throws Exception {
        Logger asteriskJava = (Logger) LoggerFactory.getLogger("org.asteriskjava");
        asteriskJavaLevel = asteriskJava.getLevel();
        asteriskJava.setLevel(Level.TRACE);
        cc = new CallControlHarness(dir, Map.of("data.dir", dir.resolve("data").toString(),
                "callback.enabled", "true", "callback.languages", "prs", "callback.attempts", "2", "callback.retry-pause", "100ms"));
        vault = CallbackVault.open(CallbackConfig.from(cc.settings));
        cc.vertx.eventBus().addOutboundInterceptor(context -> {
            busTraffic.add(context.message().address() + " " + context.body());
            context.next();
        });
        cc.vertx.eventBus().<JsonObject>consumer(BusAddresses.CALLBACK_RESULT,
                m -> published.add(CallbackResult.fromJson(m.body())));
    }

    @AfterEach
    void stop() throws Exception {
        cc.close();
        ((Logger) LoggerFactory.getLogger("org.asteriskjava")).setLevel(asteriskJavaLevel);
    }

    @Test
    void anAnsweredCallbackConnectsOperatorAndCallerAndDestroysTheNumber() throws Exception {
        CallbackId id = vault.keep(CALL, ANSWERS, Instant.now().plus(Duration.ofHours(1)));

        CallbackResult result = dial(id);

        assertThat(result.result()).isEqualTo(Result.CONNECTED);
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(vault.holds(id)).as("the number after the callback connected").isFalse();
        await().atMost(CallControlHarness.WAIT).until(() -> cc.ami.members(ROOM).size() == 2);
        assertThat(cc.ami.members(ROOM)).anyMatch(c -> c.startsWith("PJSIP/1001-"))
                .anyMatch(c -> c.startsWith("PJSIP/hotline-trunk-"));
        // The board knows the call now: transfer, interpreter and supervision work on a callback too.
        await().atMost(CallControlHarness.WAIT).until(() -> cc.live().calls().stream()
                .anyMatch(c -> c.callId().equals(CALL)));
        assertThat(cc.live().toJson().encode()).doesNotContain("93701234567");

        // The caller hangs up: the call ends (answered, talk time) for dispatch, and the operator's leg goes too.
        List<CallEnded> ended = new CopyOnWriteArrayList<>();
        cc.vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_ENDED, m -> ended.add(CallEnded.fromJson(m.body())))
                .completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        String callerLeg = cc.ami.members(ROOM).stream().filter(c -> c.startsWith("PJSIP/hotline-trunk-"))
                .findFirst().orElseThrow();
        cc.ami.hangup(callerLeg);
        await().atMost(CallControlHarness.WAIT).until(() -> !ended.isEmpty() && cc.ami.members(ROOM).isEmpty());
        assertThat(ended).singleElement().satisfies(e -> {
            assertThat(e.callId()).isEqualTo(CALL);
            assertThat(e.dialStatus()).isEqualTo("ANSWER");
            assertThat(e.talkSeconds()).isNotNull();
        });
        assertNoTrace();
    }

    @Test
    void aCallbackBusyOnEveryAttemptIsRecordedFailedAndTheNumberDestroyed() throws Exception {
        cc.ami.declines("PJSIP/" + BUSY + "@hotline-trunk");
        CallbackId id = vault.keep(CALL, BUSY, Instant.now().plus(Duration.ofHours(1)));

        CallbackResult result = dial(id);

        assertThat(result.result()).isEqualTo(Result.FAILED);
        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.reason()).isEqualTo(5);
        assertThat(vault.holds(id)).as("the number after its attempts ran out").isFalse();
        assertThat(cc.ami.actionsReceived().stream().filter(a -> a.contains("@hotline-trunk")).count())
                .as("trunk dials").isEqualTo(2);
        // The operator is not left alone in the conference.
        await().atMost(CallControlHarness.WAIT).until(() -> cc.ami.members(ROOM).isEmpty());
        assertNoTrace();
    }

    @Test
    void aNumberPastItsRetentionIsNotDialledAndIsDestroyed() throws Exception {
        CallbackId id = vault.keep(CALL, ANSWERS, Instant.now().minusSeconds(1));

        CallbackResult result = dial(id);

        assertThat(result.result()).isEqualTo(Result.EXPIRED);
        assertThat(result.attempts()).isZero();
        assertThat(vault.holds(id)).isFalse();
        assertThat(cc.ami.actionsReceived()).noneMatch(a -> a.contains("Originate"));
        assertNoTrace();
    }

    private CallbackResult dial(CallbackId id) throws Exception {
        CallbackDial request = new CallbackDial(CALL, id.value(), CallControlHarness.O,
                CallControlHarness.PHONES.get(CallControlHarness.O));
        CallbackResult result = CallbackResult.fromJson(cc.vertx.eventBus().<JsonObject>request(
                BusAddresses.CALLBACK_DIAL, request.toJson(), new io.vertx.core.eventbus.DeliveryOptions()
                        .setSendTimeout(60_000)).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS)
                .body());
        await().atMost(CallControlHarness.WAIT).until(() -> published.contains(result));
        return result;
    }

    private void assertNoTrace() throws Exception {
        String logs = cc.allLogs();
        assertThat(logs).as("the log").isNotEmpty();
        for (String needle : NEEDLES) {
            assertThat(logs).as("the log must not hold %s", needle).doesNotContain(needle);
            assertThat(busTraffic).as("bus traffic must not hold %s", needle).noneMatch(m -> m.contains(needle));
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (String needle : NEEDLES) {
                    for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
                        assertThat(indexOf(bytes, needle.getBytes(charset)))
                                .as("%s must not hold %s in %s", file, needle, charset).isNegative();
                    }
                }
            }
        }
        try (Stream<Path> left = Files.list(dir.resolve("data").resolve("callbacks"))) {
            assertThat(left).as("callback files left").isEmpty();
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
