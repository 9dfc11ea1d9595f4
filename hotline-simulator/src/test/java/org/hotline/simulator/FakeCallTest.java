package org.hotline.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The fake Asterisk against the real Asterisk-Java FastAGI server: what the library sees is what Asterisk would send. */
class FakeCallTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int CONCURRENT_CALLS = 200;

    /** What scripts saw, by agi_uniqueid, because one script instance serves every call. */
    private static final Map<String, String> seen = new ConcurrentHashMap<>();
    private static final CountDownLatch allConnected = new CountDownLatch(CONCURRENT_CALLS);
    private static TestAgiServer server;

    @BeforeAll
    static void startServer() {
        Map<String, AgiScript> scripts = new HashMap<>();
        scripts.put("header", FakeCallTest::header);
        scripts.put("inputs", FakeCallTest::inputs);
        scripts.put("variables", FakeCallTest::variables);
        scripts.put("menu", FakeCallTest::menu);
        scripts.put("hold", FakeCallTest::hold);
        scripts.put("together", FakeCallTest::together);
        server = TestAgiServer.start(scripts);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void asteriskJavaParsesTheHeader() {
        CallRecord record = server.call("header")
                .uniqueId("1764332400.12")
                .callerId("0700123456")
                .callerIdName("Alice")
                .extension("1099")
                .dnid("1098")
                .channel("PJSIP/trunk-00000001")
                .header("agi_language", "prs")
                .build()
                .run(TIMEOUT);

        assertThat(record.closedByServer()).isTrue();
        assertThat(record.hungUp()).isFalse();
        await().untilAsserted(() -> assertThat(seen.get("1764332400.12"))
                .isEqualTo("0700123456|Alice|1764332400.12|1099|1098|PJSIP/trunk-00000001|PJSIP|prs|header|22.10.1"));
    }

    @Test
    void anUnknownCallerReachesTheScriptAsNoNumber() {
        FakeCall call = server.call("header").build();
        call.run(TIMEOUT);

        await().untilAsserted(() -> assertThat(seen.get(call.uniqueId())).startsWith("null|null|" + call.uniqueId()));
    }

    @Test
    void everyInputModeDeliversItsDigit() {
        // Checks what each input mode delivers, not timing: 200 ms prompts instead of 2 s stand-ins for six files.
        CallRecord record = server.call("inputs").playbackTime(Duration.ofMillis(200))
                .pressDuring("hotline/welcome", '2')
                .press('5')
                .press("1234#9")
                .pressDuring("hotline/purpose", '1')
                .press('3')
                .silence()
                .pressAfterPrompt("hotline/voicemail-offer", '9')
                .press('#')
                .press('A')
                .build()
                .run(TIMEOUT);

        assertThat(record.variables()).containsAllEntriesOf(Map.of(
                "BARGE_IN", "2",
                "WAIT", "5",
                "DATA", "1234",
                "OPTION_BARGE_IN", "1",
                "OPTION_WAIT", "3",
                "SILENCE", "none",
                "BEFORE_PROMPT", "none",
                "AFTER_PROMPT", "9",
                "NOT_A_BARGE_IN", "none",
                "HASH", "#"));
        assertThat(record.variable("INVALID_DTMF")).contains("A");
        assertThat(record.variable("EMPTY")).contains("none");
        assertThat(record.prompts()).containsExactly("hotline/welcome", "hotline/code", "hotline/purpose",
                "hotline/again", "hotline/voicemail-offer", "hotline/welcome");
    }

    @Test
    void variablesAreRecordedAndReadable() {
        CallRecord record = server.call("variables")
                .variable("DIALSTATUS", "ANSWER")
                .build()
                .run(TIMEOUT);

        assertThat(record.variable("ECHO")).contains("ANSWER|ANSWER|null");
        assertThat(record.variable("HOTLINE_NEXT")).contains("dial");
        assertThat(record.variable("DIALSTATUS")).contains("ANSWER");
        assertThat(record.variable("AJ_AGISTATUS")).contains("SUCCESS");
        assertThat(record.commands()).last().isEqualTo("SET VARIABLE \"AJ_AGISTATUS\" \"SUCCESS\"");
        assertThat(record.closedByServer()).isTrue();
    }

    @Test
    void anUnmappedScriptIsReportedNotFound() {
        CallRecord record = server.call("no-such-script").build().run(TIMEOUT);

        assertThat(record.variable("AJ_AGISTATUS")).contains("NOT_FOUND");
        assertThat(record.closedByServer()).isTrue();
    }

    @Test
    void aHangupLineFailsTheNextCommandWithAgiHangupException() {
        FakeCall call = server.call("menu")
                .hangupWhen(command -> command.startsWith("WAIT FOR DIGIT"))
                .build();
        CallRecord record = call.run(TIMEOUT);

        assertThat(record.hungUp()).isTrue();
        assertThat(record.callerHungUp()).isTrue();
        assertThat(record.closedByServer()).isTrue();
        // Asterisk answers the interrupted command with -1, then refuses the next one; the script sees that.
        await().untilAsserted(() -> assertThat(seen.get(call.uniqueId()))
                .isEqualTo("digit=none, then AgiHangupException"));
        assertThat(record.commands()).contains("WAIT FOR DIGIT 30000", "STREAM FILE \"hotline/thanks\" \"\"");
        assertThat(record.variable("AFTER_HANGUP")).isEmpty();
        assertThat(record.duration()).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aDroppedConnectionFailsTheCommandInProgress() {
        FakeCall call = server.call("menu")
                .hangupWhen(command -> command.startsWith("WAIT FOR DIGIT"))
                .hangupBy(HangupStyle.EOF)
                .build();
        CallRecord record = call.run(TIMEOUT);

        assertThat(record.hungUp()).isTrue();
        assertThat(record.closedByServer()).isFalse();
        await().untilAsserted(() -> assertThat(seen.get(call.uniqueId())).isEqualTo("AgiHangupException"));
    }

    @Test
    void hangupAfterCutsAWaitShort() {
        FakeCall call = server.call("hold").hangupAfter(Duration.ofMillis(300)).build();
        CallRecord record = call.run(TIMEOUT);

        assertThat(record.callerHungUp()).isTrue();
        assertThat(record.duration()).isLessThan(Duration.ofSeconds(10));
        await().untilAsserted(() -> assertThat(seen.get(call.uniqueId())).isEqualTo("AgiHangupException"));
    }

    @Test
    void twoHundredCallsRunAtOnce() {
        List<FakeCall> calls = IntStream.range(0, CONCURRENT_CALLS)
                .mapToObj(i -> server.call("together").press((char) ('0' + i % 10)).build())
                .toList();

        List<CallOutcome> outcomes = FakeAsterisk.runAll(calls, Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(CONCURRENT_CALLS).allMatch(CallOutcome::succeeded);
        for (int i = 0; i < CONCURRENT_CALLS; i++) {
            CallRecord record = outcomes.get(i).record();
            assertThat(outcomes.get(i).call()).isSameAs(calls.get(i));
            // Each script instance saw this call's own id and digit, and every call was connected at once.
            assertThat(record.variables()).containsEntry("ID", calls.get(i).uniqueId())
                    .containsEntry("DIGIT", String.valueOf((char) ('0' + i % 10)))
                    .containsEntry("ALL_CONNECTED", "true");
        }
    }

    private static void header(AgiRequest request, AgiChannel channel) {
        seen.put(request.getUniqueId(), String.join("|", String.valueOf(request.getCallerIdNumber()),
                String.valueOf(request.getCallerIdName()), request.getUniqueId(), request.getExtension(),
                request.getDnid(), request.getChannel(), request.getType(), request.getLanguage(),
                request.getScript(), String.valueOf(request.getRequest().get("version"))));
    }

    private static void inputs(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.answer();
        channel.setVariable("BARGE_IN", key(channel.streamFile("hotline/welcome", "12")));
        channel.setVariable("WAIT", key(channel.waitForDigit(100)));
        channel.setVariable("DATA", channel.getData("hotline/code", 100, 4));
        channel.setVariable("OPTION_BARGE_IN", key(channel.getOption("hotline/purpose", "1234", 100)));
        channel.setVariable("OPTION_WAIT", key(channel.getOption("hotline/again", "1234", 100)));
        channel.setVariable("SILENCE", key(channel.waitForDigit(100)));
        channel.setVariable("BEFORE_PROMPT", key(channel.waitForDigit(100)));
        channel.streamFile("hotline/voicemail-offer");
        channel.setVariable("AFTER_PROMPT", key(channel.waitForDigit(100)));
        channel.setVariable("NOT_A_BARGE_IN", key(channel.streamFile("hotline/welcome", "#")));
        channel.setVariable("HASH", key(channel.waitForDigit(100)));
        channel.setVariable("INVALID_DTMF", key(channel.waitForDigit(100)));
        channel.setVariable("EMPTY", key(channel.waitForDigit(100)));
    }

    private static void variables(AgiRequest request, AgiChannel channel) throws AgiException {
        String plain = channel.getVariable("DIALSTATUS");
        String full = channel.getFullVariable("${DIALSTATUS}");
        String missing = channel.getVariable("NOT_SET_ANYWHERE");
        channel.setVariable("ECHO", plain + "|" + full + "|" + missing);
        channel.setVariable("HOTLINE_NEXT", "hangup");
        channel.setVariable("HOTLINE_NEXT", "dial");
    }

    private static void menu(AgiRequest request, AgiChannel channel) throws AgiException {
        channel.answer();
        char digit;
        try {
            digit = channel.waitForDigit(30_000);
        } catch (AgiHangupException e) {
            seen.put(request.getUniqueId(), "AgiHangupException");
            throw e;
        }
        try {
            channel.streamFile("hotline/thanks");
            channel.setVariable("AFTER_HANGUP", "reached");
        } catch (AgiHangupException e) {
            seen.put(request.getUniqueId(), "digit=" + key(digit) + ", then AgiHangupException");
            throw e;
        }
    }

    private static void hold(AgiRequest request, AgiChannel channel) throws AgiException {
        try {
            for (int i = 0; i < 3; i++) {
                channel.streamFile("hotline/hold");
                channel.waitForDigit(10_000);
            }
        } catch (AgiHangupException e) {
            seen.put(request.getUniqueId(), "AgiHangupException");
            throw e;
        }
    }

    private static void together(AgiRequest request, AgiChannel channel) throws AgiException {
        allConnected.countDown();
        boolean all;
        try {
            all = allConnected.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            all = false;
        }
        channel.setVariable("ID", request.getUniqueId());
        channel.setVariable("DIGIT", key(channel.waitForDigit(1000)));
        channel.setVariable("ALL_CONNECTED", String.valueOf(all));
    }

    private static String key(char digit) {
        return digit == 0 ? "none" : String.valueOf(digit);
    }
}
