package org.hotline.agi.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.OPERATORS;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hotline.agi.FakeDispatch;
import org.hotline.agi.IvrHarness;
import org.hotline.core.callback.CallbackSwitches;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The managers' callback switch per language, as the real FastAGI IVR applies it from the real H2 database: a
 * change is in force for the next caller without a restart, and the configuration's master switch stays above it.
 */
class CallbackSwitchTest {
    private static final String INSTANT = "whether the offer is made, not prompt timing";
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);
    private static final String MANAGER = "00000000-0000-0000-0000-00000000000m";
    private static final Map<String, String> HOLD = Map.of("callback.offer-after", "100ms",
            "callback.switch-refresh", "0s", "ivr.hold.max", "1s", "ivr.voicemail.enabled", "false");

    @TempDir
    Path dataDir;

    @Test
    void aManagerTurnsALanguageOnAndOffAndTheNextCallerHearsOrMissesTheOfferWithoutARestart() {
        IvrHarness ivr = IvrHarness.start(dataDir, with(HOLD, "callback.enabled", "true"));
        try (FakeDispatch ignored = ivr.dispatch()) {
            DSLContext dsl = ivr.database().dsl();
            manager(dsl);
            assertThat(prompts(ivr, '1')).as("no language configured, none switched on")
                    .doesNotContain("hotline/callback-offer");

            dsl.transaction(tx -> CallbackSwitches.set(tx.dsl(), "prs", true, MANAGER, Instant.now()));
            assertThat(prompts(ivr, '1')).as("Dari switched on by a manager")
                    .containsSubsequence("hotline/callback-safety", "hotline/callback-offer");
            assertThat(prompts(ivr, '6')).as("Urdu still off").doesNotContain("hotline/callback-offer");

            dsl.transaction(tx -> CallbackSwitches.set(tx.dsl(), "prs", false, MANAGER, Instant.now()));
            assertThat(prompts(ivr, '1')).as("Dari switched off again").doesNotContain("hotline/callback-offer");
        } finally {
            ivr.close();
        }
    }

    @Test
    void aManagersSwitchOverridesTheConfiguredLanguagesButNotTheMasterSwitch() {
        IvrHarness on = IvrHarness.start(dataDir, with(with(HOLD, "callback.enabled", "true"),
                "callback.languages", "prs"));
        try (FakeDispatch ignored = on.dispatch()) {
            manager(on.database().dsl());
            assertThat(prompts(on, '1')).as("configured").contains("hotline/callback-offer");
            on.database().dsl().transaction(tx -> CallbackSwitches.set(tx.dsl(), "prs", false, MANAGER,
                    Instant.now()));
            assertThat(prompts(on, '1')).as("turned off by a manager").doesNotContain("hotline/callback-offer");
            on.database().dsl().transaction(tx -> CallbackSwitches.set(tx.dsl(), "prs", true, MANAGER,
                    Instant.now()));
        } finally {
            on.close();
        }
        IvrHarness off = IvrHarness.start(dataDir, with(HOLD, "callback.enabled", "false"));
        try (FakeDispatch ignored = off.dispatch()) {
            assertThat(prompts(off, '1')).as("master switch off, whatever the stored switch says")
                    .doesNotContain("hotline/callback-safety", "hotline/callback-offer");
        } finally {
            off.close();
        }
    }

    private static List<String> prompts(IvrHarness ivr, char languageKey) {
        return ivr.instantCall(INSTANT).callerId("+93701234567").press(languageKey).press('2').build()
                .run(CALL_LIMIT).prompts();
    }

    private static void manager(DSLContext dsl) {
        dsl.insertInto(OPERATORS, OPERATORS.ID, OPERATORS.USERNAME, OPERATORS.DISPLAY_NAME, OPERATORS.ROLE,
                        OPERATORS.LANGUAGES, OPERATORS.INTERPRETER, OPERATORS.PASSWORD_HASH, OPERATORS.ENABLED,
                        OPERATORS.CREATED_AT)
                .values(MANAGER, "farid", "Farid", "manager", "prs", false, "x", true,
                        Instant.now().atOffset(ZoneOffset.UTC)).execute();
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(base);
        all.put(key, value);
        return all;
    }
}
