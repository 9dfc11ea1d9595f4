package org.hotline.agi.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.call.CallSummary;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Keys no menu offers: {@code *}, {@code #}, the letters A-D (real DTMF) and a letter no keypad has, and digits
 * outside each menu. Both menus explain and retry; hold ignores every key but 9, and 9 only once the voice
 * message has been offered. MenuTest covers a few of these; this covers them all.
 */
class InvalidDtmfTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "which keys the menus accept or refuse, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final String OPERATOR = "PJSIP/1001";

    @TempDir
    static Path dataDir;
    static IvrHarness ivr;
    static FakeDispatch dispatch;
    /** Calls dispatch leaves in hold for a while before assigning; the others are assigned at once. */
    static final Set<String> heldAWhile = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void start() {
        ivr = IvrHarness.start(dataDir, Map.of("ivr.hold.voicemail-after", "400ms",
                "ivr.hold.position-interval", "150ms"));
        dispatch = ivr.dispatch().onIntake(intake -> ivr.vertx().setTimer(
                heldAWhile.contains(intake.asteriskUniqueId()) ? 1_200 : 1,
                id -> dispatch.send(intake.callId(), FakeDispatch.assignment(OPERATOR))));
    }

    @AfterAll
    static void stop() {
        dispatch.close();
        ivr.close();
    }

    @ParameterizedTest
    @ValueSource(chars = {'*', '#', '0', '7', '8', '9', 'A', 'B', 'C', 'D', 'x'})
    void theLanguageMenuExplainsAKeyItDoesNotOfferAndAsksAgain(char key) {
        CallRecord call = ivr.instantCall(INSTANT).press(key).press('2').press('3').build().run(CALL_LIMIT);

        assertThat(call.prompts().stream().filter("prs/hotline/invalid"::equals)).hasSize(1);
        assertThat(call.variable("CHANNEL(language)")).contains("ps");
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("ps");
        assertThat(stored.purpose()).isEqualTo("help");
    }

    @ParameterizedTest
    @ValueSource(chars = {'*', '#', '0', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'x'})
    void thePurposeMenuExplainsAKeyItDoesNotOfferAndAsksAgain(char key) {
        CallRecord call = ivr.instantCall(INSTANT).press('4').press(key).press('1').build().run(CALL_LIMIT);

        assertThat(call.prompts().stream().filter("hotline/invalid"::equals)).hasSize(1);
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("tk");
        assertThat(stored.purpose()).isEqualTo("danger");
        assertThat(stored.priority()).isEqualTo("emergency");
    }

    @Test
    void onlyInvalidKeysEndInTheDefaultLanguageAndAnUnspecifiedPurpose() {
        CallRecord call = ivr.instantCall(INSTANT).press('*').press('#').press('0').press('A').press('9').press('#')
                .build().run(CALL_LIMIT);

        assertThat(call.prompts().stream().filter("prs/hotline/invalid"::equals)).hasSize(3);
        assertThat(call.prompts().stream().filter("hotline/invalid"::equals)).hasSize(3);
        assertThat(call.variable("HOTLINE_TARGET")).as("no usable key still reaches an operator").contains(OPERATOR);
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("prs");
        assertThat(stored.purpose()).isEqualTo("unspecified");
    }

    @Test
    void holdIgnoresEveryKeyButNineAndNineUntilTheVoiceMessageIsOffered() {
        FakeCall.Builder caller = ivr.instantCall(INSTANT).press('1').press('2')
                // Pressed at the first listening moments in hold, before the voice message is offered.
                .press('9').press('*').press('#').press('0').press('1').press('5').press('A').press('D').press('x');
        // And after the offer, every key but 9.
        caller.pressAfterPrompt("hotline/voicemail-offer", '*');
        for (char key : "#012345678ABCDx".toCharArray()) {
            caller.press(key);
        }
        FakeCall call = caller.build();
        heldAWhile.add(call.uniqueId());

        CallRecord record = call.run(CALL_LIMIT);

        assertThat(record.prompts()).contains("hotline/voicemail-offer").doesNotContain("hotline/voicemail-record",
                "hotline/invalid");
        assertThat(record.commands()).noneMatch(c -> c.startsWith("RECORD FILE"));
        assertThat(record.variable("HOTLINE_TARGET")).contains(OPERATOR);
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.operatorTarget()).isEqualTo(OPERATOR);
        assertThat(stored.voicemailRef()).isNull();
        assertThat(dispatch.lefts()).noneMatch(l -> l.callId().equals(stored.callId()));
    }

    @Test
    void nineAfterTheOfferStillLeavesAVoiceMessage() {
        FakeCall call = ivr.instantCall(INSTANT).press('1').press('2').press('*').press('#')
                .pressAfterPrompt("hotline/voicemail-offer", "#9").build();
        heldAWhile.add(call.uniqueId());

        CallRecord record = call.run(CALL_LIMIT);

        assertThat(record.commands()).anyMatch(c -> c.startsWith("RECORD FILE"));
        assertThat(ivr.settled(call.uniqueId()).voicemailRef()).isNotNull();
    }
}
