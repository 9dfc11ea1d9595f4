package org.hotline.acceptance.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.SimulatedOperator;
import org.hotline.acceptance.StoppedDatabase;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Makes the upgrade test's fixture: a data directory written by this version of the hotline, through its real
 * paths (operators added with {@code user add}, calls through the FastAGI server, tips and referrals through the tip
 * route, a {@code kill -9} and a restart), zipped with what the upgrade test must find in it. Run by hand, once per
 * release, never by the suite:
 * {@code mvn verify -pl hotline-acceptance -am -Dtest=UpgradeFixtureMaker -Dsurefire.failIfNoSpecifiedTests=false
 * -Dhotline.makeUpgradeFixture=$PWD/hotline-acceptance/src/test/resources/upgrade/<version>}
 */
@EnabledIfSystemProperty(named = "hotline.makeUpgradeFixture", matches = ".+")
class UpgradeFixtureMaker {
    /** The caller who rings before and after an upgrade: their calls must link under the same pseudonym. */
    static final String RETURNING_CALLER = "+93700424242";

    @TempDir
    Path dir;

    @Test
    void make() throws IOException {
        Path out = Path.of(System.getProperty("hotline.makeUpgradeFixture"));
        Path data = dir.resolve("data");
        Desk.THREE.forEach(desk -> desk.add(data, Map.of()));
        Vertx clients = Vertx.vertx();
        TipLedger ledger = new TipLedger();
        AtomicInteger callTips = new AtomicInteger();
        Map<String, String> settings = Map.of("ivr.menu.timeout", "500ms", "ivr.hold.poll", "50ms",
                "ivr.voicemail.dir", dir.resolve("voicemail").toString());
        try {
            HotlineProcess first = HotlineProcess.start(data, "first", settings);
            for (int i = 0; i < 2; i++) {
                // Nobody on duty yet: the caller hears the closed message, and the call keeps its pseudonym.
                FakeCall.builder("127.0.0.1", first.agiPort()).callerId(RETURNING_CALLER).pressDuringMenus('1', '2')
                        .build().run(Duration.ofSeconds(60));
            }
            Traffic traffic = new Traffic(first, clients, Desk.THREE, ledger, callTips, 3);
            await().atMost(Duration.ofSeconds(180)).until(() -> ledger.acknowledged().size() >= 30
                    && callTips.get() >= 2);
            CallStorm callers = traffic.killServer();
            try (HotlineProcess second = HotlineProcess.start(data, "second", settings)) {
                for (var handedOff : callers.takeEndsToReport()) {
                    CallStorm.reportEnd(second.agiPort(), handedOff);
                }
                for (String username : ledger.withUnanswered()) {
                    try (SimulatedOperator operator = SimulatedOperator.signIn(clients, second, username)) {
                        for (var tip : ledger.takeUnanswered(username)) {
                            ledger.answered(username, tip, operator.submitTip(tip).orElseThrow());
                        }
                    }
                }
                second.stop();
            }
        } finally {
            clients.close();
        }
        List<String> expected = StoppedDatabase.with(data, db -> {
            var tips = new TreeSet<>(db.select(TIPS.ID).from(TIPS).fetch(TIPS.ID));
            assertThat(tips).isEqualTo(new TreeSet<>(ledger.acknowledged()));
            String pseudonym = db.select(CALLS.CALLER_PSEUDONYM).from(CALLS).where(CALLS.CALLER_PSEUDONYM.isNotNull())
                    .orderBy(CALLS.ENTERED_AT).limit(1).fetchOne(CALLS.CALLER_PSEUDONYM);
            List<String> lines = new ArrayList<>();
            lines.add("calls=" + db.fetchCount(CALLS));
            lines.add("referrals=" + db.fetchCount(REFERRALS));
            lines.add("returning-caller-calls=" + db.fetchCount(CALLS, CALLS.CALLER_PSEUDONYM.eq(pseudonym)));
            lines.add("returning-caller-pseudonym=" + pseudonym);
            lines.add("tips=" + String.join(",", tips));
            return lines;
        });
        Files.createDirectories(out);
        Files.write(out.resolve("expected.properties"), expected);
        try (OutputStream file = Files.newOutputStream(out.resolve("data.zip"));
             ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> files = Files.walk(data)) {
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(data.relativize(path).toString()));
                Files.copy(path, zip);
                zip.closeEntry();
            }
        }
    }
}
