package org.hotline.callcontrol;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallControlNotice;
import org.hotline.core.bus.CallControlReply;
import org.hotline.core.bus.CallControlRequest;
import org.hotline.core.bus.CallControlRequest.Command;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.LiveCalls;
import org.hotline.core.bus.SupervisionMode;
import org.hotline.core.bus.SupervisionRecord;
import org.hotline.core.config.Settings;
import org.hotline.simulator.ami.FakeAmi;
import org.slf4j.LoggerFactory;

/**
 * The real call-control verticle, with its real Asterisk-Java connection, against the fake AMI over TCP. People
 * and their phones: operator O (PJSIP/1001), colleague K (PJSIP/1002), interpreter I (PJSIP/1003), supervisor S
 * (PJSIP/1004). Everything the verticle publishes is collected here.
 */
final class CallControlHarness implements AutoCloseable {
    static final String O = "00000000-0000-4000-8000-000000000001";
    static final String K = "00000000-0000-4000-8000-000000000002";
    static final String I = "00000000-0000-4000-8000-000000000003";
    static final String S = "00000000-0000-4000-8000-000000000004";
    static final Map<String, String> PHONES = Map.of(O, "PJSIP/1001", K, "PJSIP/1002", I, "PJSIP/1003",
            S, "PJSIP/1004");
    static final String SECRET = "7f3c9a0b5e1d2c4f";
    /** Long enough for a loaded machine's AMI round trip; short enough for the timeout test to be quick. */
    static final Duration ACTION_TIMEOUT = Duration.ofSeconds(3);
    static final Duration RING_TIMEOUT = Duration.ofSeconds(3);
    static final Duration WAIT = Duration.ofSeconds(30);

    final FakeAmi ami;
    final Vertx vertx = Vertx.vertx();
    final List<CallControlNotice> notices = new CopyOnWriteArrayList<>();
    final List<String> noticeTargets = new CopyOnWriteArrayList<>();
    final List<CallOwnerChanged> owners = new CopyOnWriteArrayList<>();
    final List<SupervisionRecord> supervision = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    final Path secretFile;
    final Settings settings;

    CallControlHarness(Path dir) throws Exception {
        this(dir, Map.of());
    }

    /** With more settings, e.g. the callback's. */
    CallControlHarness(Path dir, Map<String, String> extra) throws Exception {
        ami = FakeAmi.start("hotline", SECRET);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        secretFile = dir.resolve("ami.secret");
        Files.writeString(secretFile, SECRET + "\n");
        for (String person : PHONES.keySet()) {
            vertx.eventBus().<JsonObject>consumer(BusAddresses.callControlScreen(person), m -> {
                notices.add(CallControlNotice.fromJson(m.body()));
                noticeTargets.add(person);
            });
        }
        vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_OWNER_CHANGED,
                m -> owners.add(CallOwnerChanged.fromJson(m.body())));
        vertx.eventBus().<JsonObject>consumer(BusAddresses.SUPERVISION,
                m -> supervision.add(SupervisionRecord.fromJson(m.body())));
        Map<String, String> values = new java.util.HashMap<>(Map.of("ami.host", "127.0.0.1",
                "ami.port", Integer.toString(ami.port()), "ami.secret-file", secretFile.toString(),
                "ami.action-timeout", ACTION_TIMEOUT.toMillis() + "ms", "ami.ring-timeout", RING_TIMEOUT.toMillis() + "ms",
                "ami.ping-interval", "1s"));
        values.putAll(extra);
        settings = Settings.defaultSettings().with(values);
        CallControlModule.start(settings, vertx, endpoint -> PHONES.entrySet().stream()
                .filter(e -> e.getValue().equals(endpoint)).map(Map.Entry::getKey).findFirst())
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        awaitAvailable(true);
    }

    void awaitAvailable(boolean available) {
        await().atMost(WAIT).until(() -> live().available() == available);
    }

    LiveCalls live() throws Exception {
        return LiveCalls.fromJson(vertx.eventBus().<JsonObject>request(BusAddresses.LIVE_CALLS_NOW, new JsonObject())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body());
    }

    /** A caller with this number handed to O; waits until call control knows the call and that O has it. */
    List<String> connect(String callerNumber, String callId) {
        List<String> channels = ami.connectCall(callerNumber, callId, PHONES.get(O));
        await().atMost(WAIT).until(() -> live().calls().stream()
                .anyMatch(c -> c.callId().equals(callId) && O.equals(c.operatorId())));
        return channels;
    }

    CallControlReply ask(Command command, String callId, String actor, String target, SupervisionMode mode)
            throws Exception {
        CallControlRequest request = new CallControlRequest(command, callId, actor, PHONES.get(actor), target,
                target == null ? null : PHONES.get(target), mode);
        return CallControlReply.fromJson(vertx.eventBus().<JsonObject>request(BusAddresses.CALL_CONTROL,
                request.toJson()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS).body());
    }

    Optional<CallControlNotice> notice(String person, CallControlNotice.Event event) {
        for (int i = 0; i < notices.size(); i++) {
            if (noticeTargets.get(i).equals(person) && notices.get(i).event() == event) {
                return Optional.of(notices.get(i));
            }
        }
        return Optional.empty();
    }

    CallControlNotice awaitNotice(String person, CallControlNotice.Event event) {
        await().atMost(WAIT).until(() -> notice(person, event).isPresent());
        return notice(person, event).orElseThrow();
    }

    String channelOf(String person) {
        await().atMost(WAIT).until(() -> ami.channelOf(PHONES.get(person)).isPresent());
        return ami.channelOf(PHONES.get(person)).orElseThrow();
    }

    /** Every log line written while the harness ran, formatted, with any throwable's text. */
    String allLogs() {
        StringBuilder out = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            out.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                out.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() throws IOException {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(e);
        }
        ami.close();
    }
}
