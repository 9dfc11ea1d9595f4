package org.hotline.agi.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.call.CallStep;
import org.hotline.core.call.CallSummary;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.core.call.Purpose;
import org.hotline.simulator.CallRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The language and purpose menus, over the real FastAGI protocol against the real server. */
class MenuTest {
    /** Why these calls may ignore prompt timing (see IvrHarness#instantCall). */
    private static final String INSTANT = "menu logic: which key leads where, not how long prompts last";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
    private static final String PAKISTAN_TRUNK = "0511098";

    @TempDir
    static Path dataDir;
    static IvrHarness ivr;
    static FakeDispatch dispatch;

    @BeforeAll
    static void start() {
        ivr = IvrHarness.start(dataDir, Map.of("ivr.routes",
                "*:AF:prs:prs,ps,tg,tk,uz,ur | " + PAKISTAN_TRUNK + ":PK:ur:ur,ps,prs,tg,tk,uz"));
        // Calls that reach dispatch are assigned at once, so every menu test ends in a hand-off.
        dispatch = ivr.dispatch().assignEachTo("PJSIP/1001", Duration.ZERO);
    }

    @AfterAll
    static void stop() {
        dispatch.close();
        ivr.close();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void eachLanguageIsChosenByItsKeyAndHeardInItsOwnLanguage(Language language) {
        CallRecord call = ivr.instantCall(INSTANT).press(language.key()).press('3').build().run(CALL_LIMIT);

        for (Language option : Language.values()) {
            assertThat(call.prompts()).contains(option.code() + "/hotline/lang-option");
        }
        assertThat(call.variable("CHANNEL(language)")).contains(language.code());
        assertThat(call.variable("HOTLINE_LANGUAGE")).contains(language.code());
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo(language.code());
        assertThat(stored.purpose()).isEqualTo("help");
    }

    @ParameterizedTest
    @EnumSource(value = Purpose.class, names = "UNSPECIFIED", mode = EnumSource.Mode.EXCLUDE)
    void eachPurposeIsRecordedWithItsPriority(Purpose purpose) {
        CallRecord call = ivr.instantCall(INSTANT).press('1').press(purpose.key()).build().run(CALL_LIMIT);

        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.purpose()).isEqualTo(purpose.code());
        assertThat(stored.priority()).isEqualTo(purpose.priority().code());
        var intake = dispatch.intakes().stream().filter(i -> i.asteriskUniqueId().equals(call.uniqueId()))
                .findFirst().orElseThrow();
        assertThat(intake.purpose()).isEqualTo(purpose);
        assertThat(intake.steps()).containsKeys(CallStep.ENTERED, CallStep.LANGUAGE_CHOSEN, CallStep.PURPOSE_CHOSEN);
    }

    @Test
    void theDangerOptionIsAnnouncedFirstAndGivesEmergencyPriority() {
        CallRecord call = ivr.instantCall(INSTANT).press('2').pressDuring("hotline/purpose", '1').build().run(CALL_LIMIT);

        assertThat(call.prompts()).contains("hotline/purpose", "hotline/emergency");
        var intake = dispatch.intakes().stream().filter(i -> i.asteriskUniqueId().equals(call.uniqueId()))
                .findFirst().orElseThrow();
        assertThat(intake.priority()).isEqualTo(Priority.EMERGENCY);
        assertThat(intake.language()).isEqualTo(Language.PASHTO);
    }

    @Test
    void aKeyPressedDuringAnOptionInterruptsTheMenu() {
        CallRecord call = ivr.instantCall(INSTANT).pressDuring("ps/hotline/lang-option", '5').press('4').build().run(CALL_LIMIT);

        assertThat(call.prompts()).doesNotContain("tg/hotline/lang-option");
        assertThat(ivr.settled(call.uniqueId()).language()).isEqualTo("uz");
    }

    @Test
    void silenceRetriesThenTakesTheDefaultLanguage() {
        CallRecord call = ivr.instantCall(INSTANT).silence().silence().silence().press('4').build().run(CALL_LIMIT);

        assertThat(call.prompts().stream().filter("prs/hotline/no-input"::equals)).hasSize(3);
        assertThat(call.prompts().stream().filter("tk/hotline/lang-option"::equals)).hasSize(3);
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("prs");
        assertThat(stored.purpose()).isEqualTo("information");
    }

    @Test
    void invalidKeysAreExplainedAndRetried() {
        CallRecord call = ivr.instantCall(INSTANT).press('*').press('#').press('6').press('A').press('9').press('2')
                .build().run(CALL_LIMIT);

        assertThat(call.prompts().stream().filter("prs/hotline/invalid"::equals)).hasSize(2);
        assertThat(call.prompts().stream().filter("hotline/invalid"::equals)).hasSize(2);
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("ur");
        assertThat(stored.purpose()).isEqualTo("report");
    }

    @Test
    void noUsablePurposeStillReachesAnOperator() {
        CallRecord call = ivr.instantCall(INSTANT).press('1').silence().press('7').silence().build().run(CALL_LIMIT);

        assertThat(call.variable("HOTLINE_TARGET")).contains("PJSIP/1001");
        assertThat(ivr.settled(call.uniqueId()).purpose()).isEqualTo("unspecified");
    }

    @Test
    void aTrunkHasItsOwnDefaultLanguageOrderAndCountry() {
        CallRecord call = ivr.instantCall(INSTANT).dnid(PAKISTAN_TRUNK).extension(PAKISTAN_TRUNK).callerId("03001234567")
                .silence().silence().silence().press('3').build().run(CALL_LIMIT);

        var languageOptions = call.prompts().stream().filter(p -> p.endsWith("/hotline/lang-option")).toList();
        assertThat(languageOptions.subList(0, 6)).containsExactly("ur/hotline/lang-option",
                "ps/hotline/lang-option", "prs/hotline/lang-option", "tg/hotline/lang-option",
                "tk/hotline/lang-option", "uz/hotline/lang-option");
        assertThat(call.prompts().getFirst()).isEqualTo("ur/hotline/welcome");
        CallSummary stored = ivr.settled(call.uniqueId());
        assertThat(stored.language()).isEqualTo("ur");
        assertThat(stored.country()).isEqualTo("PK");
    }

    @Test
    void theChannelLanguageIsSetBeforeThePurposeMenu() {
        CallRecord call = ivr.instantCall(INSTANT).press('4').press('2').build().run(CALL_LIMIT);

        int languageSet = indexOf(call, "SET VARIABLE \"CHANNEL(language)\" \"tk\"");
        int purposeMenu = indexOf(call, "STREAM FILE \"hotline/purpose\"");
        assertThat(languageSet).isNotNegative().isLessThan(purposeMenu);
        await().untilAsserted(() -> assertThat(ivr.journal().findByAsteriskId(call.uniqueId())).isPresent());
    }

    private static int indexOf(CallRecord call, String commandStart) {
        for (int i = 0; i < call.commands().size(); i++) {
            if (call.commands().get(i).startsWith(commandStart)) {
                return i;
            }
        }
        return -1;
    }
}
