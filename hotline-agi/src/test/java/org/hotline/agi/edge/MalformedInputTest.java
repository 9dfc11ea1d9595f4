package org.hotline.agi.edge;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every item of RELIABILITY.md's "Malformed FastAGI input" list, sent over a real socket to the real server
 * while another caller waits in hold. For each: the server closes the connection (or the call completes
 * cleanly), one warning line without caller data says why, the heap does not take the attacker's bytes,
 * and the caller in hold is handed to an operator as if nothing happened.
 */
class MalformedInputTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "malformed headers and replies at the protocol edge, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The header deadline for this class: short, so slow clients are cut off quickly. */
    private static final Duration HEADER_TIMEOUT = Duration.ofSeconds(2);
    /** Far below the 100 MB an attacker sends, far above what a call needs. */
    private static final long ALLOCATION_BUDGET = 64L << 20;
    private static final String OPERATOR = "PJSIP/1001";
    private static final CompletableFuture<Void> ASSIGN_NOW = CompletableFuture.completedFuture(null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static IvrHarness ivr;
    static FakeDispatch dispatch;
    static LogCapture logs;
    static ExecutorService callers;
    /** Calls that wait in hold until their gate opens; every other call is assigned at once. */
    static final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        logs = LogCapture.start();
        // Each refusal's own line is what these tests read (the flood aggregation is RefusalFloodLogTest's).
        ivr = IvrHarness.start(dataDir, Map.of("agi.header-timeout", HEADER_TIMEOUT.toMillis() + "ms",
                "agi.reply-timeout", "3s", "agi.refusal-log-interval", "0s"));
        dispatch = ivr.dispatch().onIntake(intake -> gates.getOrDefault(intake.asteriskUniqueId(), ASSIGN_NOW)
                .thenRun(() -> dispatch.send(intake.callId(), FakeDispatch.assignment(OPERATOR))));
        callers = Executors.newVirtualThreadPerTaskExecutor();
    }

    @AfterAll
    static void stop() {
        callers.close();
        dispatch.close();
        ivr.close();
        logs.close();
    }

    // --- The request header -------------------------------------------------------------------------------

    @Test
    void moreThanTenThousandHeaderLinesAreCutOffAtTheLimit() throws Exception {
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i <= 10_000; i++) {
                    batch.append("agi_line_").append(i).append(": x\n");
                    if (batch.length() > 8_000 && !sendBatch(peer, batch)) {
                        break;
                    }
                }
                sendBatch(peer, batch);
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("too-many-header-lines");
    }

    @Test
    void aHundredMegabyteHeaderLineIsCutOffWithoutBeingBuffered() throws Exception {
        long[] sent = new long[1];
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                sent[0] = streamWithoutNewline(peer, "agi_network: ");
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("line-too-long");
        // The server stopped reading long before the end: the sender was reset with most of 100 MB unsent.
        assertThat(sent[0]).isLessThan(32L << 20);
    }

    @Test
    void aHundredMegabyteReplyLineIsCutOffAndTheCallEnds() throws Exception {
        String uniqueId = uniqueId();
        long[] sent = new long[1];
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                assertThat(peer.readLine(WAIT)).startsWith("SET VARIABLE \"HOTLINE_CALL_ID\"");
                sent[0] = streamWithoutNewline(peer, "200 result=");
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("line-too-long");
        assertThat(sent[0]).isLessThan(32L << 20);
        // Cut off by us, not by the caller: the dialplan sends them to the fallback queue, and so says the record.
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    @Test
    void endOfStreamBeforeTheBlankLineIsRefused() throws Exception {
        String uniqueId = uniqueId();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(String.join("", RawPeer.headerLines(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n")));
                peer.shutdownOutput();
                assertThat(peer.readLine(WAIT)).as("no command for a request that never ended").isNull();
            }
        });

        attack.refusedOnce("eof-in-header");
        assertThat(ivr.journal().findByAsteriskId(uniqueId)).isEmpty();
    }

    @Test
    void aConnectionClosedAfterEachHeaderLineIsRefusedEachTime() throws Exception {
        List<String> lines = RawPeer.headerLines(RawPeer.header(ivr.port(), "hotline", uniqueId()), "\n");
        Attack attack = attack(() -> {
            for (int count = 0; count <= lines.size(); count++) {
                try (RawPeer peer = RawPeer.connect(ivr.port())) {
                    peer.send(String.join("", lines.subList(0, count)));
                    peer.shutdownOutput();
                    assertThat(peer.readLine(WAIT)).isNull();
                }
            }
        });

        int connections = lines.size() + 1;
        assertThat(attack.warnings()).hasSize(connections)
                .allSatisfy(w -> assertThat(w).contains("closed before the end of the request header"));
        assertThat(attack.refused()).containsExactly(entry("eof-in-header", (double) connections));
        assertThat(attack.errors()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\r\n", "\n"})
    void crlfAndBareLfLineEndingsBothMakeANormalCall(String eol) throws Exception {
        String uniqueId = uniqueId();
        List<String> commands = new ArrayList<>();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), eol));
                commands.addAll(peer.converse(new RawPeer.Asterisk(eol, "12"), CALL_LIMIT));
                assertThat(peer.closedByServer()).isTrue();
            }
        });

        attack.quiet();
        assertThat(commands).contains("SET VARIABLE \"HOTLINE_TARGET\" \"" + OPERATOR + "\"",
                "SET VARIABLE \"HOTLINE_IVR_DONE\" \"1\"").endsWith("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        CallSummary stored = ivr.settled(uniqueId);
        assertThat(stored.language()).isEqualTo("prs");
        assertThat(stored.purpose()).isEqualTo("report");
        assertThat(stored.operatorTarget()).isEqualTo(OPERATOR);
    }

    @Test
    void loneCrLineEndingsNeverEndTheHeaderAndAreCutOffAtTheDeadline() throws Exception {
        long[] closedAfter = new long[1];
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                long start = System.nanoTime();
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId()), "\r"));
                assertThat(peer.readLine(WAIT)).isNull();
                closedAfter[0] = System.nanoTime() - start;
            }
        });

        attack.refusedOnce("header-timeout");
        assertThat(Duration.ofNanos(closedAfter[0])).isBetween(HEADER_TIMEOUT.minusMillis(200),
                HEADER_TIMEOUT.plusSeconds(2));
    }

    @Test
    void aLoneCrInsideAHeaderLineIsRefused() throws Exception {
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send("agi_network: yes\ragi_network_script: hotline\n\n");
                assertThat(peer.readLine(WAIT)).isNull();
            }
        });

        attack.refusedOnce("malformed-header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agi_network_script: hot\0line", "agi_callerid: \0\0\0", "\0\0\0\0", "agi_\0: x"})
    void nulBytesInTheHeaderAreRefused(String line) throws Exception {
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send("agi_network: yes\n" + line + "\nagi_uniqueid: " + uniqueId() + "\n\n");
                assertThat(peer.readLine(WAIT)).isNull();
            }
        });

        attack.refusedOnce("malformed-header");
    }

    @Test
    void invalidUtf8InAHeaderValueIsHarmless() throws Exception {
        String uniqueId = uniqueId();
        List<String> commands = new ArrayList<>();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                Map<String, String> header = RawPeer.header(ivr.port(), "hotline", uniqueId);
                header.remove("agi_calleridname");
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes(String.join("", RawPeer.headerLines(header, "\n")).getBytes(UTF_8));
                // A lone continuation byte, an overlong '\n', a UTF-16 surrogate, a 5-byte form, 0xFF, a cut sequence.
                bytes.writeBytes("agi_calleridname: ".getBytes(UTF_8));
                bytes.writeBytes(new byte[] {(byte) 0x80, (byte) 0xC0, (byte) 0x8A, (byte) 0xED, (byte) 0xA0,
                        (byte) 0x80, (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0xFF,
                        (byte) 0xE2, (byte) 0x82});
                bytes.writeBytes("\n\n".getBytes(UTF_8));
                peer.send(bytes.toByteArray());
                commands.addAll(peer.converse(new RawPeer.Asterisk("\n", "12"), CALL_LIMIT));
            }
        });

        attack.quiet();
        assertThat(commands).allMatch(Edge::knownShape).contains("SET VARIABLE \"HOTLINE_IVR_DONE\" \"1\"");
        assertThat(ivr.settled(uniqueId).operatorTarget()).isEqualTo(OPERATOR);
    }

    @Test
    void invalidUtf8InAHeaderKeyIsRefused() throws Exception {
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                bytes.writeBytes("agi_network: yes\nagi_".getBytes(UTF_8));
                bytes.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xDF, (byte) 0xFF});
                bytes.writeBytes(": x\n\n".getBytes(UTF_8));
                peer.send(bytes.toByteArray());
                assertThat(peer.readLine(WAIT)).isNull();
            }
        });

        attack.refusedOnce("malformed-header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"agi_network_script", "agi_callerid", "agi_uniqueid", "agi_dnid"})
    void aRepeatedHeaderKeyIsRefused(String key) throws Exception {
        String uniqueId = uniqueId();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                List<String> lines = new ArrayList<>(RawPeer.headerLines(RawPeer.header(ivr.port(), "hotline",
                        uniqueId), "\n"));
                // A second value smuggled in late, as a CR/LF in a caller-ID name would do.
                lines.add(key + ": 0511098\n");
                peer.send(String.join("", lines) + "\n");
                assertThat(peer.readLine(WAIT)).isNull();
            }
        });

        attack.refusedOnce("malformed-header", "0511098");
        assertThat(ivr.journal().findByAsteriskId(uniqueId)).isEmpty();
    }

    // --- The script name ----------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"org.asteriskjava.fastagi.internal.AgiChannelImpl", "../../etc/passwd",
            "org.hotline.agi.call.HotlineScript", "hotline/../hotline-end", "HOTLINE"})
    void aScriptNameHoldingAClassNameOrAPathRunsNothing(String script) throws Exception {
        FakeCall call = ivr.instantCall(INSTANT).script(script).press('1').press('2').build();
        CallRecord[] record = new CallRecord[1];
        Attack attack = attack(() -> record[0] = call.run(CALL_LIMIT));

        attack.refusedOnce("unknown-script", script, "passwd", "AgiChannelImpl", "HotlineScript");
        assertThat(record[0].commands()).containsExactly("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"");
        assertThat(record[0].closedByServer()).isTrue();
        assertThat(ivr.journal().findByAsteriskId(call.uniqueId())).isEmpty();
    }

    // --- Caller ID ----------------------------------------------------------------------------------------

    static Stream<String> injectedNames() {
        return Stream.of("\"", "\\", "%s%s%s%s%n", "${SHELL(rm -rf /)}", "\u202Eevil", "Ali\"; EXEC System(x) \"",
                "a\\\"b\\", "Zq \" \\ %s ${SHELL(rm -rf /)} \u202Elive\u202C $[1+1] Zq");
    }

    @ParameterizedTest
    @MethodSource("injectedNames")
    void aCallerIdNameHoldingInjectionTextIsNeverEchoed(String name) throws Exception {
        FakeCall call = ivr.instantCall(INSTANT).callerIdName(name).callerId("0701234567").press('1').press('2').build();
        CallRecord[] record = new CallRecord[1];
        Attack attack = attack(() -> record[0] = call.run(CALL_LIMIT));

        attack.quiet();
        assertThat(record[0].variable("HOTLINE_TARGET")).contains(OPERATOR);
        // Quotes are part of every command's syntax; the grammar of known shapes leaves no room for more.
        assertThat(record[0].commands()).allSatisfy(command -> {
            assertThat(Edge.knownShape(command)).as("a known command shape: %s", command).isTrue();
            assertThat(command).doesNotContain("\\", "%", "${SHELL", "rm -rf", "\u202E", "Zq", "EXEC", "$[");
        });
        assertThat(record[0].variables().values()).allSatisfy(value -> assertThat(value)
                .doesNotContain("\"", "\\", "%", "${SHELL", "rm -rf", "\u202E", "Zq", "EXEC", "$["));
        assertThat(ivr.settled(call.uniqueId()).operatorTarget()).isEqualTo(OPERATOR);
    }

    @Test
    void injectionTextInNumberDnidAndRdnisIsNeverEchoedEither() throws Exception {
        String payload = "\"${SHELL(rm -rf /)}%s\u202E\\";
        FakeCall call = ivr.instantCall(INSTANT).callerId(payload + "0701234567").dnid(payload).extension(payload)
                .header("agi_rdnis", payload).callerIdName(payload).press('1').press('2').build();
        CallRecord[] record = new CallRecord[1];
        Attack attack = attack(() -> record[0] = call.run(CALL_LIMIT));

        attack.quiet();
        assertThat(record[0].commands()).allMatch(Edge::knownShape);
        assertThat(String.join("\n", record[0].commands())).doesNotContain("SHELL", "\u202E", "%s", "\\");
        assertThat(ivr.settled(call.uniqueId()).operatorTarget()).isEqualTo(OPERATOR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Evil\rName", "Evil\nName", "Evil\r\nagi_network_script: hotline-end"})
    void aRawCrOrLfInTheCallerIdNameBreaksTheHeaderAndIsRefused(String name) throws Exception {
        FakeCall call = ivr.instantCall(INSTANT).callerIdName(name).press('1').press('2').build();
        CallRecord[] record = new CallRecord[1];
        Attack attack = attack(() -> record[0] = call.run(CALL_LIMIT));

        // Asterisk writes the name verbatim, so a raw CR or LF ends or corrupts the header line: no legitimate
        // header holds one. The server refuses before running anything; the dialplan then finds a human.
        attack.refusedOnce("malformed-header", "Evil", "Name");
        assertThat(record[0].commands()).isEmpty();
        assertThat(ivr.journal().findByAsteriskId(call.uniqueId())).isEmpty();
    }

    @Test
    void aTrailingLfInTheCallerIdNameEndsTheHeaderEarlyAndTheCallFallsBack() throws Exception {
        FakeCall call = ivr.instantCall(INSTANT).callerIdName("Evil\n").callerId("0701234567").press('1').press('2').build();
        CallRecord[] record = new CallRecord[1];
        Attack attack = attack(() -> record[0] = call.run(CALL_LIMIT));

        // "Evil\n\n" is a complete header, cut short; the header lines after it reach the server as replies,
        // which it cannot read: one warning, and the call goes to the dialplan's fallback (a human).
        attack.warnsOnce("Evil", "0701234567");
        assertThat(attack.refused()).isEmpty();
        assertThat(record[0].commands()).allMatch(Edge::knownShape)
                .noneMatch(c -> c.contains("HOTLINE_IVR_DONE") || c.contains("Evil"));
        assertOutcome(call.uniqueId(), CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    // --- Replies ------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"STREAM FILE", "WAIT FOR DIGIT", "SET VARIABLE"})
    void aResultWithoutANumberSendsTheCallerToTheFallback(String garbledCommand) throws Exception {
        String uniqueId = uniqueId();
        List<String> commands = new ArrayList<>();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                RawPeer.Asterisk asterisk = new RawPeer.Asterisk("\n", "12");
                AtomicInteger garbled = new AtomicInteger();
                commands.addAll(peer.converse(command -> command.startsWith(garbledCommand)
                        && garbled.getAndIncrement() == 0 ? "200 result=\n" : asterisk.apply(command), CALL_LIMIT));
                assertThat(peer.closedByServer()).isTrue();
            }
        });

        attack.warnsOnce();
        assertThat(commands).noneMatch(c -> c.contains("HOTLINE_IVR_DONE"))
                .endsWith("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    @Test
    void a520BlockThatNeverEndsIsCutOffByTheReplyTimeout() throws Exception {
        String uniqueId = uniqueId();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                assertThat(peer.readLine(WAIT)).startsWith("SET VARIABLE");
                peer.send("520-Invalid command syntax.  Proper usage follows:\nUsage: SET VARIABLE <name> <value>\n");
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("reply-timeout");
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    @Test
    void a520BlockThatGoesOnForeverIsCutOffAsAFlood() throws Exception {
        String uniqueId = uniqueId();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                assertThat(peer.readLine(WAIT)).startsWith("SET VARIABLE");
                peer.send("520-Invalid command syntax.  Proper usage follows:\n");
                String usage = "Usage: more and more\n".repeat(100);
                for (int i = 0; i < 10_000 && peer.send(usage); i++) {
                    // until the server closes
                }
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("reply-flood");
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    @Test
    void a520BlockCutShortByTheConnectionClosingSendsTheCallerToTheFallback() throws Exception {
        String uniqueId = uniqueId();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                assertThat(peer.readLine(WAIT)).startsWith("SET VARIABLE");
                peer.send("520-Invalid command syntax.  Proper usage follows:\nUsage: SET VARIABLE\n");
                peer.shutdownOutput();
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.warnsOnce();
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.ENTERED);
    }

    @Test
    void aCommandRefusedInHoldSendsTheCallerToTheFallbackAndTakesTheCallOutOfTheQueue() throws Exception {
        String uniqueId = uniqueId();
        gates.put(uniqueId, new CompletableFuture<>());
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                RawPeer.Asterisk asterisk = new RawPeer.Asterisk("\n", "12");
                peer.converse(command -> command.startsWith("SET MUSIC ON")
                        ? "510 Invalid or unknown command\n" : asterisk.apply(command), CALL_LIMIT);
                assertThat(peer.closedByServer()).isTrue();
            }
        });

        attack.warnsOnce();
        assertOutcome(uniqueId, CallOutcome.FALLBACK, CallStep.QUEUED);
        String callId = ivr.settled(uniqueId).callId();
        // Dispatch hears at once that the caller is gone, so no operator is offered a call already given up.
        await().atMost(WAIT).untilAsserted(() -> assertThat(dispatch.lefts())
                .contains(new CallLeft(callId, CallOutcome.FALLBACK)));
    }

    @Test
    void aHangupGluedToAReplyIsAHangup() throws Exception {
        String uniqueId = uniqueId();
        List<String> commands = new ArrayList<>();
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                peer.send(RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId), "\n"));
                RawPeer.Asterisk asterisk = new RawPeer.Asterisk("\n", "");
                commands.addAll(peer.converse(command -> {
                    if (command.startsWith("WAIT FOR DIGIT")) {
                        asterisk.hangUp();
                        return "HANGUP200 result=0\n";
                    }
                    return asterisk.apply(command);
                }, CALL_LIMIT));
                assertThat(peer.closedByServer()).isTrue();
            }
        });

        // A hangup is how calls end, not a fault: no warning. The call ends at the step it reached.
        attack.quiet();
        assertThat(commands).noneMatch(c -> c.contains("HOTLINE_IVR_DONE"));
        assertOutcome(uniqueId, CallOutcome.ABANDONED_IN_MENU, CallStep.ENTERED);
    }

    // --- Slow clients -------------------------------------------------------------------------------------

    @Test
    void oneByteEveryTenSecondsIsCutOffAtTheHeaderDeadline() throws Exception {
        long[] closedAfter = new long[1];
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                long start = System.nanoTime();
                byte[] header = RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId()), "\n")
                        .getBytes(UTF_8);
                peer.send(Arrays.copyOf(header, 1));
                // The next byte would come after 10 s: the server must not wait for it.
                assertThat(peer.awaitClosed(Duration.ofSeconds(8))).isTrue();
                closedAfter[0] = System.nanoTime() - start;
            }
        });

        attack.refusedOnce("header-timeout");
        assertThat(Duration.ofNanos(closedAfter[0])).isBetween(HEADER_TIMEOUT.minusMillis(200),
                HEADER_TIMEOUT.plusSeconds(2));
    }

    @Test
    void aTrickleThatNeverPausesIsStillCutOffAtTheHeaderDeadline() throws Exception {
        long[] closedAfter = new long[1];
        Attack attack = attack(() -> {
            try (RawPeer peer = RawPeer.connect(ivr.port())) {
                long start = System.nanoTime();
                byte[] header = RawPeer.request(RawPeer.header(ivr.port(), "hotline", uniqueId()), "\n")
                        .getBytes(UTF_8);
                // A byte every 100 ms: every single read succeeds quickly, only the whole header is late.
                for (int i = 0; i < header.length && peer.send(new byte[] {header[i]}); i++) {
                    if (peer.awaitClosed(Duration.ofMillis(100))) {
                        break;
                    }
                }
                closedAfter[0] = System.nanoTime() - start;
                assertThat(peer.awaitClosed(WAIT)).isTrue();
            }
        });

        attack.refusedOnce("header-timeout");
        assertThat(Duration.ofNanos(closedAfter[0])).isBetween(HEADER_TIMEOUT.minusMillis(200),
                HEADER_TIMEOUT.plusSeconds(2));
    }

    @Test
    void aFloodOfIdleConnectionsIsCutOffWhileCallsGoOn() throws Exception {
        int idle = 200;
        List<RawPeer> peers = new ArrayList<>();
        CallRecord[] during = new CallRecord[1];
        Attack attack = attack(() -> {
            try {
                for (int i = 0; i < idle; i++) {
                    RawPeer peer = RawPeer.connect(ivr.port());
                    peers.add(peer);
                    peer.send("agi_network: yes\n");
                }
                // A new call while every idle connection is still open is served at once.
                during[0] = ivr.instantCall(INSTANT).press('3').press('3').build().run(CALL_LIMIT);
                for (RawPeer peer : peers) {
                    assertThat(peer.awaitClosed(WAIT)).isTrue();
                }
            } finally {
                peers.forEach(RawPeer::close);
            }
        });

        assertThat(during[0].variable("HOTLINE_TARGET")).contains(OPERATOR);
        assertThat(attack.warnings()).hasSize(idle)
                .allSatisfy(w -> assertThat(w).contains("did not arrive in time"));
        assertThat(attack.refused()).containsExactly(entry("header-timeout", (double) idle));
        assertThat(attack.errors()).isEmpty();
    }

    // --- Support ------------------------------------------------------------------------------------------

    /** What one attack left behind: our warnings, every error, the refusals counted, the heap it cost. */
    record Attack(List<String> warnings, List<String> errors, Map<String, Double> refused, long allocated) {
        /** Refused with exactly one warning line that names none of the caller data. */
        void refusedOnce(String reason, String... callerData) {
            warnsOnce(callerData);
            assertThat(refused).containsExactly(entry(reason, 1.0));
        }

        /** Exactly one warning line, naming none of the caller data. */
        void warnsOnce(String... callerData) {
            assertThat(warnings).hasSize(1);
            if (callerData.length > 0) {
                assertThat(warnings.getFirst()).doesNotContain(callerData);
            }
            assertThat(errors).isEmpty();
        }

        /** Handled like any call: no warning, no error, nothing refused. */
        void quiet() {
            assertThat(warnings).isEmpty();
            assertThat(errors).isEmpty();
            assertThat(refused).isEmpty();
        }
    }

    /**
     * Runs {@code body} while a good call waits in hold, then lets dispatch assign that call and checks it was
     * handed off normally, every connection is closed, and the attack cost less heap than its payload.
     */
    private static Attack attack(Executable body) throws Exception {
        FakeCall good = ivr.instantCall(INSTANT).press('1').press('2').build();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        gates.put(good.uniqueId(), gate);
        Future<CallRecord> goodRun = callers.submit(() -> good.run(CALL_LIMIT));
        await().atMost(WAIT).until(() -> dispatch.intakes().stream()
                .anyMatch(i -> i.asteriskUniqueId().equals(good.uniqueId())));

        int mark = logs.mark();
        Map<String, Double> before = Edge.refusals(ivr.registry());
        long allocatedBefore = Edge.allocatedBytes();
        try {
            body.execute();
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        long allocated = Edge.allocatedBytes() - allocatedBefore;

        gate.complete(null);
        CallRecord goodCall = goodRun.get(CALL_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(goodCall.variable("HOTLINE_TARGET")).as("the call in hold").contains(OPERATOR);
        assertThat(goodCall.closedByServer()).isTrue();
        await().atMost(WAIT).until(() -> ivr.openConnections() == 0);
        assertThat(allocated).as("heap allocated during the attack").isLessThan(ALLOCATION_BUDGET);
        return new Attack(logs.hotlineWarningsSince(mark), logs.errorsSince(mark),
                Edge.refusedBetween(before, Edge.refusals(ivr.registry())), allocated);
    }

    private static void assertOutcome(String uniqueId, CallOutcome outcome, CallStep step) {
        CallSummary stored = ivr.settled(uniqueId);
        assertThat(stored.outcome()).isEqualTo(outcome);
        assertThat(stored.outcomeStep()).isEqualTo(step);
    }

    /** Streams up to 100 MB of 'x' without a newline in 64 KiB chunks until the server stops taking them. */
    private static long streamWithoutNewline(RawPeer peer, String prefix) {
        if (!peer.send(prefix)) {
            return 0;
        }
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long sent = prefix.length();
        while (sent < 100_000_000L && peer.send(chunk)) {
            sent += chunk.length;
        }
        return sent;
    }

    private static boolean sendBatch(RawPeer peer, StringBuilder batch) {
        boolean sent = peer.send(batch.toString());
        batch.setLength(0);
        return sent;
    }

    private static String uniqueId() {
        return "1764332400." + (9000 + SEQUENCE.incrementAndGet());
    }
}
