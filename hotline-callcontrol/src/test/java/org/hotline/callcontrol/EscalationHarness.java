package org.hotline.callcontrol;

import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.EscalationNeeded;
import org.hotline.core.bus.EscalationStatus;
import org.hotline.core.bus.LiveCalls;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.simulator.ami.FakeAmi;
import org.slf4j.LoggerFactory;

/**
 * The real call-control verticle with on-call escalation: its Asterisk-Java connection against the fake AMI over
 * TCP, its escalations in a real H2 file database with the real migrations. {@link #restart()} is Hotline
 * stopping and starting again (a new Vert.x, the database reopened) while Asterisk keeps running.
 */
final class EscalationHarness implements AutoCloseable {
    static final String SECRET = "7f3c9a0b5e1d2c4f";
    static final Duration WAIT = Duration.ofSeconds(40);
    static final DutyPerson AZIZ = new DutyPerson("d0000000-0000-4000-8000-000000000001", "Aziz", "+93700111001");
    static final DutyPerson BIBI = new DutyPerson("d0000000-0000-4000-8000-000000000002", "Bibi", "+93700222002");
    static final DutyPerson CYRUS = new DutyPerson("d0000000-0000-4000-8000-000000000003", "Cyrus", "+93700333003");

    final FakeAmi ami;
    final Path dir;
    final Map<String, String> overrides;
    final List<EscalationStatus> shown = new CopyOnWriteArrayList<>();
    final List<String> shownRaw = new CopyOnWriteArrayList<>();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Database database;
    Vertx vertx;

    EscalationHarness(Path dir, Duration ackTimeout, int rounds, List<DutyPerson> duty) throws Exception {
        this.dir = dir;
        ami = FakeAmi.start("hotline", SECRET);
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        Path secretFile = dir.resolve("ami.secret");
        Files.writeString(secretFile, SECRET + "\n");
        overrides = Map.of("data.dir", dir.resolve("data").toString(), "ami.host", "127.0.0.1",
                "ami.port", Integer.toString(ami.port()), "ami.secret-file", secretFile.toString(),
                "ami.action-timeout", "5s", "ami.ring-timeout", "60s", "ami.ping-interval", "1s",
                "escalation.dial", "PJSIP/{number}@telecom", "escalation.ack-timeout", ackTimeout.toMillis() + "ms",
                "escalation.rounds", Integer.toString(rounds));
        start();
        new EscalationStore(database.dsl()).replaceDutyList(duty);
    }

    private void start() throws Exception {
        Settings settings = Settings.defaultSettings().with(overrides);
        database = Database.open(StorageConfig.from(settings));
        vertx = Vertx.vertx();
        vertx.eventBus().<JsonObject>consumer(BusAddresses.ESCALATIONS, m -> {
            shownRaw.add(m.body().encode());
            shown.add(EscalationStatus.fromJson(m.body()));
        });
        CallControlModule.start(settings, vertx, endpoint -> Optional.empty(), new EscalationStore(database.dsl()))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        await().atMost(WAIT).until(() -> live().available());
    }

    LiveCalls live() throws Exception {
        return LiveCalls.fromJson(vertx.eventBus().<JsonObject>request(BusAddresses.LIVE_CALLS_NOW,
                new JsonObject()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body());
    }

    /** Hotline stops (Vert.x closed, database closed) and starts again; Asterisk and its calls stay. */
    void restart() throws Exception {
        stop();
        start();
    }

    static String channel(DutyPerson person) {
        return "PJSIP/" + person.phone() + "@telecom";
    }

    void need(String callId, EscalationNeeded.Kind kind) {
        vertx.eventBus().publish(BusAddresses.ESCALATION_NEEDED,
                new EscalationNeeded(kind, callId, "prs", Instant.now()).toJson());
    }

    /** The live leg ringing or talking on this person's duty phone, once it is in [hotline-oncall]. */
    String pagedLeg(DutyPerson person) {
        await().atMost(WAIT).until(() -> ami.channelOf(channel(person))
                .flatMap(ami::location).filter("hotline-oncall,page"::equals).isPresent());
        return ami.channelOf(channel(person)).orElseThrow();
    }

    /** The duty phones Originate dialled, in order. */
    List<String> dialled() {
        return ami.actionsReceived().stream().filter(a -> a.toLowerCase().startsWith("action: originate"))
                .flatMap(a -> a.lines().filter(l -> l.toLowerCase().startsWith("channel: ")).map(l -> l.substring(9)))
                .toList();
    }

    EscalationStatus awaitState(String callId, String state) {
        await().atMost(WAIT).until(() -> last(callId).filter(s -> s.state().equals(state)).isPresent());
        return last(callId).orElseThrow();
    }

    Optional<EscalationStatus> last(String callId) {
        return shown.reversed().stream().filter(s -> s.callId().equals(callId)).findFirst();
    }

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

    private void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        database.close();
    }

    @Override
    public void close() throws Exception {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        stop();
        ami.close();
    }
}
