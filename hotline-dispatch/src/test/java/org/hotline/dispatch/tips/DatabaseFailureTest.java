package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.dispatch.apitest.ApiServer;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The database failing while a tip is saved: the operator gets a 503 with a clear message (the screen keeps their
 * input), nothing is half-written, the same form saves once the database is back, and no log line carries tip
 * content, even when the driver's own error message quotes it.
 */
class DatabaseFailureTest {
    private static final String SAVE_FAILED =
            "The tip could not be saved; nothing was lost on your screen — try again.";

    @TempDir
    Path dataDir;

    ApiServer api;
    Person operator;
    ListAppender<ILoggingEvent> logs;

    @BeforeEach
    void start() {
        api = ApiServer.start(dataDir);
        operator = api.signIn("dina", Role.OPERATOR);
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
    }

    @AfterEach
    void stop() {
        root().detachAppender(logs);
        api.close();
    }

    @Test
    void aFailureAfterTheTipRowRollsEverythingBack() {
        // The referral history insert, the last statement of the transaction, now fails.
        api.dsl().execute(
                "ALTER TABLE referral_status_changes ADD CONSTRAINT ck_test_refuse CHECK (to_status <> 'proposed')");
        String id = TipForms.newId();
        JsonObject form = TipForms.withTwoReferrals(id);

        Reply failed = operator.client().post("/api/tips", form);

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().getString("error")).isEqualTo(SAVE_FAILED);
        assertThat(api.dsl().fetchCount(TIPS)).isZero();
        assertThat(api.dsl().fetchCount(REFERRALS)).isZero();
        assertThat(api.dsl().fetchCount(REFERRAL_STATUS_CHANGES)).isZero();
        assertThat(api.registry().counter("hotline.tips.saved").count()).isZero();

        api.dsl().execute("ALTER TABLE referral_status_changes DROP CONSTRAINT ck_test_refuse");
        Reply retried = operator.client().post("/api/tips", form);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
        assertThat(api.dsl().fetchCount(TIPS)).isOne();
        assertThat(api.dsl().fetchCount(REFERRALS)).isEqualTo(2);
    }

    @Test
    void aDriverErrorQuotingTheSummaryNeverReachesTheLogOrTheScreen() {
        // H2's "value too long" message quotes the value: the summary itself.
        api.dsl().execute("ALTER TABLE tips ALTER COLUMN summary VARCHAR(10)");

        Reply failed = operator.client().post("/api/tips", TipForms.substantive(TipForms.newId()));

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().getString("error")).isEqualTo(SAVE_FAILED);
        assertThat(failed.body()).doesNotContain("Herat", "SQL", "SUMMARY");
        assertThat(logs.list).isNotEmpty();
        assertThat(logs.list).allSatisfy(event -> {
            assertThat(event.getFormattedMessage()).doesNotContain("Herat", "brick");
            if (event.getThrowableProxy() != null) {
                assertThat(event.getThrowableProxy().getMessage()).doesNotContain("Herat", "brick");
            }
        });
        assertThat(api.dsl().fetchCount(TIPS)).isZero();
    }

    @Test
    void aClosedDatabaseAnswers503AndWritesNothing() {
        api.database().close();

        Reply failed = operator.client().post("/api/tips", TipForms.withTwoReferrals(TipForms.newId()));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().getString("error")).isEqualTo(SAVE_FAILED);
        assertThat(operator.client().get("/api/tips").status()).isEqualTo(503);
        assertThat(operator.client().get("/api/partners").status()).isEqualTo(503);
        assertThat(operator.client().get("/api/voicemails").status()).isEqualTo(503);

        api.close();
        try (Database reopened = Database.open(StorageConfig.from(Settings.defaultSettings()
                .with(Map.of("data.dir", dataDir.toString()))))) {
            assertThat(reopened.dsl().fetchCount(TIPS)).isZero();
            assertThat(reopened.dsl().fetchCount(REFERRALS)).isZero();
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
