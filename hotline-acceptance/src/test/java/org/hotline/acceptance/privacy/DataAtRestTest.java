package org.hotline.acceptance.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.SimulatedOperator;
import org.hotline.acceptance.Staff;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data at rest under the most permissive umask: the packaged jar runs through {@code sh -c 'umask 000; ...'} (its
 * commands too), takes calls, an operator saves a tip, the day's report is made; the data directory and every
 * directory under it must be {@code rwx------} and every file {@code rw-------} while it runs and after each
 * command, so no other local user can read a tip summary, a key or a report.
 */
class DataAtRestTest {
    private static final String UMASK = "000";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final Vertx clients = Vertx.vertx();

    @AfterEach
    void closeClients() {
        clients.close();
    }

    @Test
    void everythingUnderTheDataDirectoryIsOwnerOnlyWhateverTheUmask() throws Exception {
        Path data = dir.resolve("data");
        HotlineProcess.commandUnderUmask(data, Map.of(), UMASK, Staff.PASSWORD + "\n", "user", "add", "--username",
                "ana", "--role", "operator", "--languages", "prs", "--endpoint", "PJSIP/1001");
        assertThat(loose(data)).as("after the user command").isEmpty();

        Map<String, String> settings = Map.of("ivr.menu.timeout", "1s", "ivr.hold.poll", "100ms",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString(), "screen.bridge.idle-timeout", "10m");
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", settings, UMASK)) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(loose(data)).as("once started").isEmpty());
            try (SimulatedOperator operator = SimulatedOperator.signIn(clients, hotline, "ana")) {
                operator.goAvailable();
                CompletableFuture<CallRecord> call = CompletableFuture.supplyAsync(() -> FakeCall
                        .builder("127.0.0.1", hotline.agiPort()).callerId("+93709876543").pressDuringMenus('1', '3')
                        .build().run(CALL_LIMIT));
                await().atMost(Duration.ofSeconds(30)).until(() -> !operator.offeredCalls().isEmpty());
                String callId = operator.offeredCalls().getFirst();
                operator.accept(callId);
                CallRecord answered = call.join();
                FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(answered.uniqueId())
                        .callerId("+93709876543").variable("HOTLINE_CALL_ID", callId)
                        .variable("DIALSTATUS", "ANSWER").variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                        .variable("HOTLINE_END_ENDED_MS", "1760000061000").build().run(CALL_LIMIT);
                await().atMost(Duration.ofSeconds(30)).until(() -> operator.endedCalls().contains(callId));
                assertThat(operator.submitTip(new JsonObject().put("id", UUID.randomUUID().toString())
                        .put("callId", callId).put("contactType", "substantive").put("signal", "tip")
                        .put("urgency", "urgent").put("consent", "share").put("country", "AF")
                        .put("summary", "A summary no other local user may read"))).hasValueSatisfying(status ->
                        assertThat(status).isBetween(200, 299));
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("the hotline's output:\n" + hotline.output(), e);
            }
            // Files H2 or other code created after start are set owner-only within the sweep's interval.
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(loose(data)).as("while running, after a call and a tip").isEmpty());
            hotline.stop();
        }
        assertThat(loose(data)).as("after a clean stop").isEmpty();

        String day = LocalDate.now(ZoneId.of("Asia/Kabul")).toString();
        HotlineProcess.commandUnderUmask(data, Map.of(), UMASK, "", "report", "--date", day);
        try (Stream<Path> reports = Files.walk(data.resolve("reports"))) {
            assertThat(reports.filter(Files::isRegularFile).toList()).as("the report's files").isNotEmpty();
        }
        assertThat(loose(data)).as("after the report command").isEmpty();
        assertThat(Files.list(data).map(p -> p.getFileName().toString()).toList())
                .as("what the check covered").contains("hotline.mv.db", "pseudonym.key", "db.password", "reports");
    }

    /** Every path under {@code root} (itself included) whose mode is not owner-only, with its mode. */
    private static Map<String, String> loose(Path root) {
        Map<String, String> loose = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            paths.forEach(path -> {
                try {
                    String mode = PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                    String wanted = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? "rwx------" : "rw-------";
                    if (!mode.equals(wanted)) {
                        loose.put(root.relativize(path).toString(), mode);
                    }
                } catch (IOException e) {
                    // Vanished while walking (an H2 temporary file): nothing left to read.
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loose;
    }
}
