package org.hotline.agi.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hotline.agi.AgiScriptNames;
import org.hotline.agi.ChannelVariables;
import org.hotline.agi.prompts.Prompt;
import org.hotline.agi.dialplan.DialplanWalker.End;
import org.hotline.agi.dialplan.DialplanWalker.Kind;
import org.hotline.agi.dialplan.DialplanWalker.Outcome;
import org.hotline.agi.dialplan.DialplanWalker.Step;
import org.hotline.agi.dialplan.DialplanWalker.Walk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where a caller ends up, for everything the {@code hotline} script can leave behind: walks the real
 * {@code asterisk-conf/extensions.conf} with {@link DialplanWalker}. The rule under test: only a normal,
 * complete hand-off dials the named operator, only a normal "done, hang up" hangs up, and everything else
 * reaches the fallback queue of all operators.
 */
class DialplanBranchTest {

    private static final String IVR_DONE = ChannelVariables.IVR_DONE;
    private static final String NEXT = ChannelVariables.NEXT;
    private static final String TARGET = ChannelVariables.TARGET;
    private static final String CALL_ID = ChannelVariables.CALL_ID;
    private static final String LANGUAGE = ChannelVariables.LANGUAGE;
    private static final String CHANNEL_LANGUAGE = DialplanWalker.CHANNEL_LANGUAGE;
    private static final Outcome FALLBACK = Outcome.FALLBACK_QUEUE;
    private static final Outcome HANGUP = Outcome.HANGUP_AFTER_SCRIPT;

    private final DialplanWalker walker = DialplanWalker.load();

    /** Key-value pairs to a map, in order. */
    static Map<String, String> vars(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** What the server leaves on a normal hand-off to {@code target}, plus AGISTATUS=SUCCESS. */
    static Map<String, String> handOff(String target) {
        return vars("AGISTATUS", "SUCCESS", CALL_ID, "c-42", LANGUAGE, "prs", CHANNEL_LANGUAGE, "prs",
                TARGET, target, NEXT, ChannelVariables.NEXT_DIAL, IVR_DONE, "1");
    }

    /** What the server leaves when the on-call duty person took the call. */
    static Map<String, String> onCall() {
        return vars("AGISTATUS", "SUCCESS", CALL_ID, "c-42", LANGUAGE, "prs", CHANNEL_LANGUAGE, "prs",
                NEXT, ChannelVariables.NEXT_ONCALL, IVR_DONE, "1");
    }

    static Stream<Arguments> branches() {
        return Stream.of(
                // --- the server did its job
                Arguments.of("normal hand-off", handOff("PJSIP/1001"), Outcome.dial("PJSIP/1001")),
                Arguments.of("endpoint name with _ and -", handOff("PJSIP/op_17-b"), Outcome.dial("PJSIP/op_17-b")),
                Arguments.of("voice message recorded", vars("AGISTATUS", "SUCCESS", CALL_ID, "c-42",
                        NEXT, "hangup", IVR_DONE, "1"), HANGUP),
                Arguments.of("closed, \"call again\" played", vars("AGISTATUS", "SUCCESS", LANGUAGE, "uz",
                        CHANNEL_LANGUAGE, "uz", NEXT, "hangup", IVR_DONE, "1"), HANGUP),
                Arguments.of("on-call duty person took the emergency", onCall(),
                        new Outcome(Kind.ROOM, "hotline-c-42")),
                Arguments.of("NEXT=oncall ignores a leftover target", with(onCall(), TARGET, "PJSIP/1001"),
                        new Outcome(Kind.ROOM, "hotline-c-42")),
                Arguments.of("NEXT=oncall but the AGI failed", with(onCall(), "AGISTATUS", "FAILURE"), FALLBACK),
                Arguments.of("NEXT=oncall without IVR done", without(onCall(), IVR_DONE), FALLBACK),
                Arguments.of("NEXT=oncall with a suffix", with(onCall(), NEXT, "oncall2"), FALLBACK),
                Arguments.of("NEXT=hangup wins over a leftover target", vars("AGISTATUS", "SUCCESS",
                        TARGET, "PJSIP/1001", NEXT, "hangup", IVR_DONE, "1"), HANGUP),

                // --- the server is not there, or went away
                Arguments.of("server down (nothing listens)", vars("AGISTATUS", "FAILURE"), FALLBACK),
                Arguments.of("script not mapped", vars("AGISTATUS", "NOTFOUND"), FALLBACK),
                Arguments.of("killed in the language menu (socket closed)", vars("AGISTATUS", "SUCCESS",
                        CALL_ID, "c-42"), FALLBACK),
                Arguments.of("killed after the language menu", vars("AGISTATUS", "SUCCESS", CALL_ID, "c-42",
                        LANGUAGE, "tg", CHANNEL_LANGUAGE, "tg"), FALLBACK),
                Arguments.of("AGI ended by a hang-up", vars("AGISTATUS", "HANGUP", CALL_ID, "c-42"), FALLBACK),
                Arguments.of("killed just before IVR done was set", vars("AGISTATUS", "SUCCESS",
                        TARGET, "PJSIP/1001", NEXT, "dial"), FALLBACK),
                Arguments.of("complete hand-off but the AGI failed", with(handOff("PJSIP/1001"), "AGISTATUS",
                        "FAILURE"), FALLBACK),
                Arguments.of("voice message but the AGI failed", vars("AGISTATUS", "FAILURE", NEXT, "hangup",
                        IVR_DONE, "1"), FALLBACK),

                // --- the server answered oddly
                Arguments.of("IVR done without NEXT", vars("AGISTATUS", "SUCCESS", IVR_DONE, "1"), FALLBACK),
                Arguments.of("unknown NEXT", with(handOff("PJSIP/1001"), NEXT, "transfer"), FALLBACK),
                Arguments.of("NEXT in upper case", with(handOff("PJSIP/1001"), NEXT, "DIAL"), FALLBACK),
                Arguments.of("NEXT with a trailing space", with(handOff("PJSIP/1001"), NEXT, "dial "), FALLBACK),
                Arguments.of("IVR done = yes", with(handOff("PJSIP/1001"), IVR_DONE, "yes"), FALLBACK),
                Arguments.of("IVR done = 11", with(handOff("PJSIP/1001"), IVR_DONE, "11"), FALLBACK),
                Arguments.of("IVR done with a line break", with(handOff("PJSIP/1001"), IVR_DONE, "1\n"), FALLBACK),
                Arguments.of("expression injection in IVR done", with(vars("AGISTATUS", "SUCCESS", NEXT, "dial",
                        TARGET, "PJSIP/1001"), IVR_DONE, "0\" | \"1"), FALLBACK),
                Arguments.of("function injection in IVR done", with(handOff("PJSIP/1001"), IVR_DONE,
                        "SHELL(id)"), FALLBACK),
                Arguments.of("empty target", with(handOff("PJSIP/1001"), TARGET, ""), FALLBACK),
                Arguments.of("no target", without(handOff("PJSIP/1001"), TARGET), FALLBACK),

                // --- targets that are not exactly one PJSIP endpoint
                Arguments.of("second destination", handOff("PJSIP/1001&DAHDI/1"), FALLBACK),
                Arguments.of("Local channel runs dialplan", handOff("Local/x@y"), FALLBACK),
                Arguments.of("Dial options smuggled in", handOff("PJSIP/1001,60,U(evil)"), FALLBACK),
                Arguments.of("arbitrary SIP URI", handOff("PJSIP/1001/sip:anyone@evil.example"), FALLBACK),
                Arguments.of("chan_sip (gone in 22)", handOff("SIP/1001"), FALLBACK),
                Arguments.of("IAX2", handOff("IAX2/1001"), FALLBACK),
                Arguments.of("lower-case technology", handOff("pjsip/1001"), FALLBACK),
                Arguments.of("technology only", handOff("PJSIP/"), FALLBACK),
                Arguments.of("space in the endpoint", handOff("PJSIP/10 01"), FALLBACK),
                Arguments.of("dot in the endpoint", handOff("PJSIP/op.1001"), FALLBACK),
                Arguments.of("line break after the endpoint", handOff("PJSIP/1001\n"), FALLBACK),
                Arguments.of("quote in the target", handOff("PJSIP/1001\" x"), FALLBACK),
                Arguments.of("dialplan variable in the target", handOff("PJSIP/${SHELL(id)}"), FALLBACK));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("branches")
    void whereTheCallerEndsUp(String situation, Map<String, String> leftByScript, Outcome expected) {
        assertThat(walker.walk(leftByScript)).as(situation).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branches")
    void nobodyIsEverLeftInSilence(String situation, Map<String, String> leftByScript, Outcome expected) {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN).afterScript(leftByScript)
                .run();
        assertThat(walk.end()).as(situation).isIn(End.HANGUP, End.WAITING);
        if (walk.outcome().kind() == Kind.FALLBACK_QUEUE) {
            int announcement = walk.indexOf("Playback");
            assertThat(announcement).as("%s: announced before the queue", situation)
                    .isBetween(0, walk.indexOf("Queue"));
            assertThat(walk.steps().get(announcement).args()).isEqualTo("hotline/" + Prompt.FALLBACK.key());
        }
    }

    // ---- after the hand-off -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "DIALSTATUS={0}")
    @MethodSource("unansweredDialStatuses")
    void anOperatorWhoDoesNotPickUpSendsTheCallerToTheFallbackQueue(String dialStatus) {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001"))
                .whenReturns("Dial", vars("DIALSTATUS", dialStatus))
                .run();
        assertThat(walk.outcomes()).startsWith(Outcome.dial("PJSIP/1001"), FALLBACK);
    }

    static Stream<String> unansweredDialStatuses() {
        return Stream.of("NOANSWER", "BUSY", "CHANUNAVAIL", "CONGESTION", "CANCEL", "DONTCALL", "TORTURE",
                "INVALIDARGS", "");
    }

    @Test
    void anAnsweredCallThatReturnsHangsUp() {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001"))
                .whenReturns("Dial", vars("DIALSTATUS", "ANSWER", "ANSWEREDTIME", "95"))
                .run();
        assertThat(walk.outcomes()).containsExactly(Outcome.dial("PJSIP/1001"), new Outcome(Kind.HANGUP, null));
    }

    // ---- the end-of-call report -------------------------------------------------------------------------------

    @Test
    void theTalkTimeIsTheBridgeNotTheWholeCall() {
        // Seen on a real box: ANSWEREDTIME 155 s for a 43 s conversation after a long IVR and hold.
        Map<String, Map<String, String>> reported = new LinkedHashMap<>();
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001"))
                .ivrTakes(Duration.ofSeconds(107)).operatorAnswers(Duration.ofSeconds(5), Duration.ofMillis(43_250))
                .thenHangUp()
                .endServer((script, channel, uniqueId, vars) -> {
                    reported.put(script, vars);
                    return vars("AGISTATUS", "SUCCESS");
                })
                .run();

        assertThat(walk.outcome()).isEqualTo(Outcome.dial("PJSIP/1001"));
        Step dial = walk.first("Dial");
        Map<String, String> report = reported.get(AgiScriptNames.END);
        assertThat(report).as("hotline-end ran on the originated channel").isNotNull();
        long talk = Long.parseLong(report.get(ChannelVariables.END_ENDED_MS))
                - Long.parseLong(report.get(ChannelVariables.END_ANSWERED_MS));
        assertThat(talk).as("operator answer to hang-up").isEqualTo(43_250);
        assertThat(report).containsEntry(ChannelVariables.END_DIAL_STATUS, "ANSWER")
                .containsEntry(ChannelVariables.END_CALL_ID, "c-42")
                .containsEntry(ChannelVariables.END_UNIQUE_ID, DialplanWalker.CALLER_UNIQUE_ID)
                .doesNotContainKey("CALLERID(num)");
        assertThat(dial.args()).contains("G(hotline-callcontrol^answered^1)");
        assertThat(walk.first("ConfBridge").args()).startsWith("hotline-c-42,");
    }

    @Test
    void dialsAnsweredTimeIsNotEvenSetWhenTheCallGoesIntoItsConference() {
        // With G(), Dial never bridges, so app_dial.c's end_bridge_callback never sets ANSWEREDTIME (which would
        // have counted the IVR and the hold anyway): the stamp in caller-answered is the talk time's only start.
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001"))
                .ivrTakes(Duration.ofSeconds(107)).operatorAnswers(Duration.ofSeconds(5), Duration.ofSeconds(43))
                .thenHangUp().run();
        Walk report = walk.handlers().getFirst().originated().getFirst();
        assertThat(report.steps().getFirst().channel()).containsEntry(ChannelVariables.END_DIAL_STATUS, "ANSWER");
        Walk handler = walk.handlers().getFirst();
        assertThat(handler.steps().getFirst().channel()).doesNotContainKey("ANSWEREDTIME");
    }

    @Test
    void noChannelWaitsOnAHungHotline() {
        // The server accepts and then never answers, for the IVR and for the end report alike.
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .scriptHangs(vars(CALL_ID, "c-42"))
                .endServer((script, channel, uniqueId, vars) -> null)
                .thenHangUp()
                .run();

        assertThat(walk.outcome()).isEqualTo(FALLBACK);
        assertThat(walk.handlers()).hasSize(1);
        Walk handler = walk.handlers().getFirst();
        assertThat(handler.end()).as("the hangup handler returns").isEqualTo(End.RETURNED);
        assertThat(handler.millis()).as("at once: Originate with option a does not wait").isZero();
        assertThat(handler.agiRuns()).as("no AGI on the dead caller channel").isEmpty();

        assertThat(handler.originated()).hasSize(1);
        Walk report = handler.originated().getFirst();
        assertThat(report.end()).isEqualTo(End.HANGUP);
        DialplanWalker.AgiRun end = report.agiRuns().getFirst();
        assertThat(end.script()).isEqualTo(AgiScriptNames.END);
        long bound = Long.parseLong(walker.dialplan().globals().get("HOTLINE_END_MAX_SECONDS")) * 1000;
        assertThat(end.interruptedBy()).isNotNull();
        assertThat(end.millis()).as("the report is cut off at its bound").isEqualTo(bound);
        assertThat(report.millis()).isEqualTo(bound);
    }

    // ---- a server that hangs --------------------------------------------------------------------------------

    @Test
    void aServerThatNeverAnswersIsCutOffAndTheCallerFallsBack() {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .scriptHangs(vars(CALL_ID, "c-42"))
                .run();
        assertThat(walk.outcome()).isEqualTo(FALLBACK);
        Step agi = walk.first("AGI");
        String ceiling = walker.dialplan().globals().get("HOTLINE_IVR_MAX_SECONDS");
        assertThat(agi.channel()).containsEntry("TIMEOUT(absolute)", ceiling).containsEntry("AGIEXITONHANGUP", "yes");
    }

    @Test
    void theIvrCeilingIsLiftedBeforeTheOperatorTalks() {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001")).run();
        assertThat(walk.first("Dial").channel()).containsEntry("TIMEOUT(absolute)", "0");
        Walk fallback = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(vars("AGISTATUS", "SUCCESS")).run();
        assertThat(fallback.first("Queue").channel()).containsEntry("TIMEOUT(absolute)", "0");
    }

    // ---- entry points and languages --------------------------------------------------------------------------

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of("hotline-inbound", "1098", "prs"),
                Arguments.of("hotline-inbound", "0800123456", "prs"),
                Arguments.of("hotline-inbound", "+93201234567", "prs"),
                Arguments.of("hotline-inbound", "s", "prs"),
                Arguments.of("hotline-trunk-pk", "051111", "ur"),
                Arguments.of("hotline-trunk-pk", "+9251111", "ur"),
                Arguments.of("hotline-trunk-pk", "s", "ur"),
                Arguments.of("hotline-operators", "1098", "prs"));
    }

    @ParameterizedTest(name = "[{0}] {1}: server down -> fallback in {2}")
    @MethodSource("entries")
    void everyEntryReachesAHumanInItsLanguageWhenTheServerIsDown(String context, String exten, String language) {
        Walk walk = walker.call(context, exten).afterScript(vars("AGISTATUS", "FAILURE")).run();
        assertThat(walk.outcome()).isEqualTo(FALLBACK);
        Step announcement = walk.first("Playback");
        assertThat(announcement.args()).isEqualTo("hotline/" + Prompt.FALLBACK.key());
        assertThat(announcement.language()).isEqualTo(language);
        assertThat(walk.first("AGI").language()).as("the server sees the entry language as agi_language")
                .isEqualTo(language);
    }

    @ParameterizedTest(name = "[{0}] {1}: hand-off dials the operator")
    @MethodSource("entries")
    void everyEntryDialsTheOperatorOnAHandOff(String context, String exten, String language) {
        assertThat(walker.call(context, exten).afterScript(handOff("PJSIP/1001")).run().outcome())
                .isEqualTo(Outcome.dial("PJSIP/1001"));
    }

    @Test
    void theFallbackSpeaksTheLanguageTheCallerChoseBeforeTheServerDied() {
        Walk walk = walker.call("hotline-trunk-pk", "051111")
                .afterScript(vars("AGISTATUS", "SUCCESS", CHANNEL_LANGUAGE, "tg", LANGUAGE, "tg")).run();
        assertThat(walk.first("Playback").language()).isEqualTo("tg");
    }

    @Test
    void aLanguageWeHaveNoPromptsForFallsBackToTheEntryLanguage() {
        for (String odd : List.of("en", "../../../etc/passwd", "", "ur,prs", "tg_x")) {
            Walk walk = walker.call("hotline-trunk-pk", "051111")
                    .afterScript(vars("AGISTATUS", "SUCCESS", CHANNEL_LANGUAGE, odd)).run();
            assertThat(walk.first("Playback").language()).as("script left language '%s'", odd).isEqualTo("ur");
        }
    }

    @Test
    void aPhoneWithAnUnsupportedLanguageGetsDari() {
        Walk walk = walker.call("hotline-inbound", "1098").channel(CHANNEL_LANGUAGE, "fr")
                .afterScript(vars("AGISTATUS", "FAILURE")).run();
        assertThat(walk.first("AGI").language()).isEqualTo("prs");
        assertThat(walk.first("Playback").language()).isEqualTo("prs");
    }

    // ---- state around the AGI ----------------------------------------------------------------------------------

    @Test
    void theHangupHandlerIsInPlaceBeforeTheIvr() {
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(vars("AGISTATUS", "SUCCESS")).run();
        assertThat(walk.first("AGI").channel()).containsEntry("CHANNEL(hangup_handler_push)", "hotline-hangup,s,1");
    }

    @Test
    void theServerSeesTheCallerButOperatorsAndTheMailboxDoNot() {
        Walk dial = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(handOff("PJSIP/1001")).run();
        assertThat(dial.first("AGI").channel()).doesNotContainKey("CALLERID(num)");
        assertThat(dial.first("Dial").channel()).containsEntry("CALLERID(num)", "1098");
        Walk fallback = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .afterScript(vars("AGISTATUS", "FAILURE"))
                .whenReturns("Queue", vars("QUEUESTATUS", "TIMEOUT")).run();
        assertThat(fallback.first("Queue").channel()).containsEntry("CALLERID(num)", "1098");
        assertThat(fallback.first("VoiceMail").channel()).containsEntry("CALLERID(num)", "1098");
    }

    @Test
    void routingDependsOnlyOnWhatThisAgiRunLeft() {
        // A caller transferred back to 1098 still carries the first run's variables; if the server is down
        // now, the call must not be re-dialled to the old operator.
        Walk walk = walker.call(DialplanWalker.ENTRY_CONTEXT, DialplanWalker.ENTRY_EXTEN)
                .channel(IVR_DONE, "1").channel(NEXT, "dial").channel(TARGET, "PJSIP/1001")
                .channel(CALL_ID, "c-1")
                .afterScript(vars("AGISTATUS", "FAILURE")).run();
        assertThat(walk.outcome()).isEqualTo(FALLBACK);
        assertThat(walk.first("Queue").channel()).as("the earlier call id is kept for hotline-end")
                .containsEntry(CALL_ID, "c-1");
    }

    // ---- the walker itself ------------------------------------------------------------------------------------

    @Test
    void walkerInsistsOnAgistatus() {
        assertThatThrownBy(() -> walker.walk(vars(IVR_DONE, "1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("AGISTATUS");
        assertThat(walker.walk(DialplanWalker.afterServerClosed(vars(NEXT, "hangup", IVR_DONE, "1"))))
                .isEqualTo(HANGUP);
    }

    @Test
    void walkerRegexFollowsAsterisk() {
        assertThat(DialplanWalker.regex("\"^1$\" 1")).isEqualTo("1");
        assertThat(DialplanWalker.regex("\"^1$\"1")).isEqualTo("1");
        assertThat(DialplanWalker.regex("\"^1$\"  1")).as("only one space is skipped").isEqualTo("0");
        assertThat(DialplanWalker.regex("\"^1$\" 1\n")).as("POSIX $ is the very end").isEqualTo("0");
        assertThat(DialplanWalker.regex("\"^1$\" ")).isEqualTo("0");
        assertThat(DialplanWalker.regex("\"dial\" redial")).as("unanchored search").isEqualTo("1");
        assertThat(DialplanWalker.regex("\"^PJSIP/[A-Za-z0-9_-]+$\" PJSIP/1001\" x")).isEqualTo("0");
        assertThat(DialplanWalker.regex("no quotes")).isEmpty();
    }

    @Test
    void walkerExpressionsFollowAsterisk() {
        assertThat(new DialplanWalker.Expression("1 & 1 & 1").evaluate()).isEqualTo("1");
        assertThat(new DialplanWalker.Expression("1 & 0 & 1").evaluate()).isEqualTo("0");
        assertThat(new DialplanWalker.Expression("0 | 1").evaluate()).isEqualTo("1");
        assertThat(new DialplanWalker.Expression("!0").evaluate()).isEqualTo("1");
        assertThat(new DialplanWalker.Expression("\"a\" = \"a\"").evaluate()).isEqualTo("1");
        assertThat(new DialplanWalker.Expression("\"01\" = \"1\"").evaluate()).as("numbers compare as numbers")
                .isEqualTo("1");
        assertThat(new DialplanWalker.Expression("(1 | 0) & !(0)").evaluate()).isEqualTo("1");
        assertThatThrownBy(() -> new DialplanWalker.Expression("SHELL(id) = 1").evaluate())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(DialplanWalker.isTrue("")).isFalse();
        assertThat(DialplanWalker.isTrue("0")).isFalse();
        assertThat(DialplanWalker.isTrue(" 7")).isTrue();
        assertThat(DialplanWalker.isTrue("abc")).isTrue();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, String> without(Map<String, String> base, String key) {
        Map<String, String> copy = new LinkedHashMap<>(base);
        copy.remove(key);
        return copy;
    }
}
