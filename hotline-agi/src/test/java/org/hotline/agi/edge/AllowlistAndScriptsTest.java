package org.hotline.agi.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may talk to the FastAGI port and what they may ask for: hosts outside {@code agi.allowed-hosts} are
 * closed before a byte is read, script names are an explicit list, and neither a stranger nor an empty
 * connection disturbs the calls that follow.
 */
class AllowlistAndScriptsTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "which peers and scripts are served, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** Linux answers on all of 127.0.0.0/8, so this is a second host on the same machine. */
    private static final String STRANGER = "127.0.0.3";

    @TempDir
    static Path dataDir;
    static IvrHarness ivr;
    static FakeDispatch dispatch;
    static LogCapture logs;

    @BeforeAll
    static void start() {
        logs = LogCapture.start();
        // Header timeout well above the test's patience, so "closed at once" cannot be the timeout at work.
        // Each refusal's own line is what these tests read (the flood aggregation is RefusalFloodLogTest's).
        ivr = IvrHarness.start(dataDir, Map.of("agi.allowed-hosts", "127.0.0.1", "agi.header-timeout", "30s",
                "agi.refusal-log-interval", "0s"));
        dispatch = ivr.dispatch().assignEachTo("PJSIP/1001", Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        dispatch.close();
        ivr.close();
        logs.close();
    }

    @Test
    void aHostNotOnTheAllowlistIsClosedAtOnceBeforeAnyByteIsRead() {
        int mark = logs.mark();
        Map<String, Double> before = Edge.refusals(ivr.registry());

        long start = System.nanoTime();
        try (RawPeer stranger = stranger()) {
            // Nothing sent: a server that wanted the header would wait 30 s for it.
            assertThat(stranger == null || stranger.awaitClosed(Duration.ofSeconds(5))).isTrue();
        }
        Duration closedAfter = Duration.ofNanos(System.nanoTime() - start);

        assertThat(closedAfter).isLessThan(Duration.ofSeconds(2));
        assertThat(logs.hotlineWarningsSince(mark)).singleElement().asString()
                .contains(STRANGER, "refused", "agi.allowed-hosts");
        assertThat(logs.errorsSince(mark)).isEmpty();
        assertThat(Edge.refusedBetween(before, Edge.refusals(ivr.registry())))
                .containsExactly(entry("host-not-allowed", 1.0));
        assertThat(ivr.openConnections()).isZero();
    }

    @Test
    void aHostNotOnTheAllowlistGetsNoCommandEvenWithAPerfectRequest() {
        int mark = logs.mark();
        String uniqueId = "1764332400.7001";
        try (RawPeer stranger = stranger()) {
            if (stranger != null) {
                stranger.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                assertThat(stranger.readLine(WAIT)).isNull();
            }
        }

        assertThat(logs.hotlineWarningsSince(mark)).hasSize(1);
        assertThat(ivr.journal().findByAsteriskId(uniqueId)).isEmpty();
        // And the real Asterisk host is still served.
        assertThat(ivr.instantCall(INSTANT).press('1').press('2').build().run(CALL_LIMIT).variable("HOTLINE_TARGET"))
                .contains("PJSIP/1001");
    }

    /**
     * A connection from {@link #STRANGER}, or null when the server's reset arrived before our connect() call
     * even returned: on loopback the refusal can be that fast.
     */
    private static RawPeer stranger() {
        try {
            return RawPeer.connectFrom(STRANGER, ivr.port());
        } catch (UncheckedIOException e) {
            assertThat(e).hasRootCauseInstanceOf(SocketException.class).hasRootCauseMessage("Connection reset by peer");
            return null;
        }
    }

    @Test
    void anUnknownScriptNameGetsNotFoundAndNothingElse() {
        int mark = logs.mark();
        Map<String, Double> before = Edge.refusals(ivr.registry());

        FakeCall call = ivr.instantCall(INSTANT).script("no-such-script").callerId("0701234567").press('1').build();
        CallRecord record = call.run(CALL_LIMIT);

        assertThat(record.commands()).containsExactly("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"");
        assertThat(record.closedByServer()).isTrue();
        assertThat(logs.hotlineWarningsSince(mark)).singleElement().asString()
                .contains("unknown script", "NOT_FOUND").doesNotContain("no-such-script", "0701234567");
        assertThat(logs.errorsSince(mark)).isEmpty();
        assertThat(Edge.refusedBetween(before, Edge.refusals(ivr.registry())))
                .containsExactly(entry("unknown-script", 1.0));
        assertThat(ivr.journal().findByAsteriskId(call.uniqueId())).isEmpty();
    }

    @Test
    void anEmptyRequestNamesNoScriptAndIsAnsweredNotFound() {
        // Just the blank line: the request has no script at all (a null name, which Map.of would choke on).
        int mark = logs.mark();
        try (RawPeer peer = RawPeer.connect(ivr.port())) {
            peer.send("\n");
            assertThat(peer.readLine(WAIT)).isEqualTo("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"");
            peer.send("200 result=1\n");
            assertThat(peer.readLine(WAIT)).isNull();
        }

        assertThat(logs.hotlineWarningsSince(mark)).hasSize(1);
        assertThat(logs.errorsSince(mark)).isEmpty();
    }

    @Test
    void bareConnectsAndClosesDoNotHurtTheServer() {
        int mark = logs.mark();
        Map<String, Double> before = Edge.refusals(ivr.registry());

        for (int i = 0; i < 50; i++) {
            RawPeer.connect(ivr.port()).close();
        }
        await().atMost(WAIT).until(() -> Edge.refusedBetween(before, Edge.refusals(ivr.registry()))
                .getOrDefault("eof-in-header", 0.0) == 50.0);
        await().atMost(WAIT).until(() -> ivr.openConnections() == 0);

        assertThat(logs.hotlineWarningsSince(mark)).hasSize(50);
        assertThat(logs.errorsSince(mark)).isEmpty();
        CallRecord later = ivr.instantCall(INSTANT).press('2').press('3').build().run(CALL_LIMIT);
        assertThat(later.variable("HOTLINE_TARGET")).contains("PJSIP/1001");
        assertThat(ivr.settled(later.uniqueId()).language()).isEqualTo("ps");
    }

    @Test
    void bothNamedScriptsStillRun() {
        CallRecord call = ivr.instantCall(INSTANT).press('1').press('2').build().run(CALL_LIMIT);
        String callId = call.variable("HOTLINE_CALL_ID").orElseThrow();
        CallRecord end = ivr.hangupHandler(call.uniqueId()).variable("HOTLINE_CALL_ID", callId)
                .variable("DIALSTATUS", "ANSWER").variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                .variable("HOTLINE_END_ENDED_MS", "1760000005000").build().run(CALL_LIMIT);

        assertThat(call.variables()).containsEntry("AJ_AGISTATUS", "SUCCESS");
        assertThat(end.variables()).containsEntry("AJ_AGISTATUS", "SUCCESS");
        assertThat(end.commands()).allMatch(c -> c.startsWith("GET FULL VARIABLE") || c.startsWith("SET VARIABLE"));
        assertThat(ivr.journal().find(callId).orElseThrow().talkSeconds()).isEqualTo(5);
    }
}
