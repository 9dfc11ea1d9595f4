package org.hotline.acceptance.faults;

import org.hotline.acceptance.SimulatedOperator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.TIPS;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.StoppedDatabase;
import org.hotline.agi.dialplan.DialplanWalker;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.JooqCallJournal;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.CpuHog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} of the packaged hotline in the middle of traffic (RELIABILITY rows 2 and 8): operators at their
 * screens accept calls and submit tips through the real tip route while the fake Asterisk places calls; the
 * process is killed without warning, restarted on the same data directory, and the operators send again what
 * their forms still hold, as the screen lets them. Then:
 * <ul>
 *   <li>every tip an operator saw acknowledged is stored exactly once, whole (with its referrals), and nothing
 *       else is stored;</li>
 *   <li>no call is left without an outcome: calls cut off in the IVR are closed as {@code failed} at the restart,
 *       at the step they had reached;</li>
 *   <li>the channel variables each cut-off call was left with lead the dialplan to the fallback queue;</li>
 *   <li>every cut-off call given a {@code HOTLINE_CALL_ID} has its row, with the language (and the emergency
 *       priority) its caller had moved past.</li>
 * </ul>
 * The traffic and the kills run with a {@link CpuHog} busy on every core of the test's machine.
 * Calls already handed to an operator belong to Asterisk: their conversations go on through the restart, and their
 * hangup handlers reach the restarted server, as this test replays. (A handler that runs while the server is down
 * is lost, and that call keeps no outcome; the dialplan has no retry for it.) The soak variant
 * ({@code ./scripts/test --soak}) kills ten times under a longer storm.
 */
class KillNineDuringTrafficTest {
    private static final Logger LOG = LoggerFactory.getLogger(KillNineDuringTrafficTest.class);
    private static final Pattern CLOSED_AT_START = Pattern.compile("Closed (\\d+) call\\(s\\) that a previous run");
    private static final int LINES = 6;

    /** Kept when a test fails, with every process's log in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private final Vertx clients = Vertx.vertx();
    private final TipLedger ledger = new TipLedger();
    private final AtomicInteger callTips = new AtomicInteger();
    private final List<CallStorm.PlacedCall> calls = new ArrayList<>();
    private final List<CallRecord> endsToReport = new ArrayList<>();
    private final List<HotlineProcess> started = new ArrayList<>();
    private int closedAtStart;
    private int resent;

    @AfterEach
    void stopEverything() {
        started.forEach(HotlineProcess::close);
        clients.close();
    }

    @Test
    void aKillMidTrafficLosesNoAcknowledgedTipAndLeavesNoCallInProgress() {
        assumeTrue(!HotlineProcess.soak(), "the soak variant runs instead");
        killDuringTraffic(1, 100);
    }

    @Test
    void tenKillsDuringALongStormLoseNothing() {
        assumeTrue(HotlineProcess.soak(), "soak only: ./scripts/test --soak");
        killDuringTraffic(10, 500);
    }

    private void killDuringTraffic(int kills, int tipsPerRun) {
        Instant start = Instant.now();
        Path data = dir.resolve("data");
        Desk.THREE.forEach(desk -> desk.add(data, Map.of()));
        // Every core busy while the traffic runs and the server is killed: what survives must not depend on a
        // quiet machine (issue 13, item 4).
        try (CpuHog hog = CpuHog.perCore()) {
            for (int run = 1; run <= kills; run++) {
                HotlineProcess hotline = start(data, "run-" + run);
                catchUp(hotline);
                Traffic traffic = new Traffic(hotline, clients, Desk.THREE, ledger, callTips, LINES);
                awaitBusyTraffic(traffic, ledger.acknowledged().size() + tipsPerRun, callTips.get() + 1);
                CallStorm callers = traffic.killServer();
                calls.addAll(callers.calls());
                endsToReport.addAll(callers.takeEndsToReport());
            }
        }
        try (HotlineProcess hotline = start(data, "after-last-kill")) {
            catchUp(hotline);
            hotline.stop();
        }
        verify(data, kills, Duration.between(start, Instant.now()));
    }

    /** Until enough tips are acknowledged, at least one more for a call, and callers are in the IVR right now. */
    private void awaitBusyTraffic(Traffic traffic, int tipsAcknowledged, int tipsForCalls) {
        await().atMost(Duration.ofSeconds(120))
                .failFast("a running server refused a tip", () -> !ledger.refused().isEmpty())
                .untilAsserted(() -> {
                    assertThat(ledger.acknowledged()).as("tips acknowledged").hasSizeGreaterThanOrEqualTo(
                            tipsAcknowledged);
                    assertThat(callTips.get()).as("tips for calls").isGreaterThanOrEqualTo(tipsForCalls);
                    assertThat(traffic.callersInIvr()).as("callers in the IVR").isPositive();
                });
    }

    private HotlineProcess start(Path data, String name) {
        HotlineProcess hotline = HotlineProcess.start(data, name, Map.of("ivr.menu.timeout", "500ms",
                "ivr.hold.poll", "50ms", "ivr.voicemail.dir", dir.resolve("voicemail").toString()));
        started.add(hotline);
        Matcher closed = CLOSED_AT_START.matcher(hotline.output());
        if (closed.find()) {
            closedAtStart += Integer.parseInt(closed.group(1));
        }
        return hotline;
    }

    /**
     * What the world does once the hotline is back: Asterisk runs the hangup handlers of conversations that went on
     * while it was down, and each operator signs in again and sends the tip their form still holds.
     */
    private void catchUp(HotlineProcess hotline) {
        for (CallRecord handedOff : List.copyOf(endsToReport)) {
            assertThat(CallStorm.reportEnd(hotline.agiPort(), handedOff)).as("hangup handler after restart").isTrue();
            endsToReport.remove(handedOff);
        }
        for (String username : ledger.withUnanswered()) {
            try (SimulatedOperator operator = SimulatedOperator.signIn(clients, hotline, username)) {
                for (var tip : ledger.takeUnanswered(username)) {
                    ledger.answered(username, tip, operator.submitTip(tip).orElseThrow());
                    resent++;
                }
            }
        }
    }

    private void verify(Path data, int kills, Duration took) {
        assertThat(ledger.refused()).as("tips refused by a running server").isEmpty();
        assertThat(ledger.withUnanswered()).isEmpty();
        // A loaded machine may also send a caller to the fallback before a kill (dispatch answering too late):
        // every call the IVR did not finish must lead to a human, whatever the reason.
        List<CallStorm.PlacedCall> unfinished = calls.stream().filter(call -> !call.ivrDone()).toList();
        List<CallStorm.PlacedCall> cutOff = unfinished.stream().filter(CallStorm.PlacedCall::endedAfterKill).toList();
        assertThat(cutOff).as("calls in the IVR at a kill").isNotEmpty();
        DialplanWalker dialplan = DialplanWalker.load();
        for (CallStorm.PlacedCall call : unfinished) {
            assertThat(call.record().variables()).doesNotContainKey("HOTLINE_IVR_DONE");
            assertThat(dialplan.walk(DialplanWalker.afterServerClosed(call.record().variables())))
                    .as("where %s goes after the kill", call.record()).isEqualTo(DialplanWalker.Outcome.FALLBACK_QUEUE);
        }
        StoppedDatabase.with(data, db -> {
            var stored = new HashSet<>(db.select(TIPS.ID).from(TIPS).fetch(TIPS.ID));
            assertThat(db.fetchCount(TIPS)).isEqualTo(stored.size());
            assertThat(stored).as("stored tips are exactly the acknowledged ones").isEqualTo(ledger.acknowledged());
            assertThat(db.fetchCount(REFERRALS)).as("every tip whole, with both referrals")
                    .isEqualTo(2 * stored.size());
            assertThat(db.fetchCount(CALLS, CALLS.OUTCOME.isNull())).as("calls left in progress").isZero();
            var journal = new JooqCallJournal(db);
            for (CallStorm.PlacedCall call : cutOff) {
                var row = journal.findByAsteriskId(call.record().uniqueId());
                if (call.record().variables().containsKey("HOTLINE_CALL_ID")) {
                    assertThat(row).as("the row of %s, which was given a call id", call.record()).isPresent();
                }
                row.ifPresent(found -> {
                    assertThat(found.outcome()).as("a call cut off in the IVR")
                            .isIn(CallOutcome.FAILED, CallOutcome.FALLBACK);
                    if (heard(call, "hotline/purpose")) {
                        assertThat(found.language()).as("the language %s chose", call.record()).isNotNull();
                    }
                    if (heard(call, "hotline/emergency")) {
                        assertThat(found.priority()).as("the priority of %s", call.record()).isEqualTo("emergency");
                    }
                });
            }
            assertThat(closedAtStart).as("calls closed as failed at a restart").isPositive();
            for (CallStorm.PlacedCall call : calls.stream().filter(CallStorm.PlacedCall::handedOff).toList()) {
                assertThat(journal.findByAsteriskId(call.record().uniqueId()).orElseThrow().outcome())
                        .isEqualTo(CallOutcome.ANSWERED);
            }
            LOG.info("kill -9 x{} in {} s: tips acknowledged {} ({} sent again after a restart), tips found {} (for "
                            + "calls {}), calls placed {}, handed off {}, cut off {}, closed as failed at restart {}",
                    kills, took.toSeconds(), ledger.acknowledged().size(), resent, stored.size(), callTips.get(),
                    calls.size(), calls.stream().filter(CallStorm.PlacedCall::handedOff).count(), cutOff.size(),
                    closedAtStart);
            return stored.size();
        });
    }

    private static boolean heard(CallStorm.PlacedCall call, String prompt) {
        return call.record().commands().stream().anyMatch(command -> command.contains(prompt));
    }
}
