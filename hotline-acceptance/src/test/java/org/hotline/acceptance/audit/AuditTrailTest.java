package org.hotline.acceptance.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hotline.acceptance.HotlineProcess;
import org.hotline.acceptance.Staff;
import org.hotline.acceptance.StoppedDatabase;
import org.hotline.app.screen.ScreenClient;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail of the packaged process: every view of a tip leaves exactly one row (a refused one too), and
 * the nightly job's retention purge, which runs at the first start (catch-up of yesterday's report), leaves one
 * row per kind of record and deletes only audit rows older than {@code retention.audit-days}. That nothing else
 * can update or delete audit rows is {@link AuditWritesTest} (the packaged bytecode) and hotline-dispatch's
 * {@code AuditAppendOnlyTest} (the sources).
 */
class AuditTrailTest {
    private static final String SYSTEM = "system";

    @TempDir
    Path dir;

    @Test
    void everyTipViewAndEveryPurgeLeavesOneRowAndThePurgeSparesRecentAudit() {
        Path data = dir.resolve("data");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // Written before the first start, as if by the hotline years ago and yesterday.
        StoppedDatabase.with(data, dsl -> insertAudit(dsl, now.minusYears(6), "old-enough")
                + insertAudit(dsl, now.minusDays(1), "recent"));
        Staff.operator(data, "ana", "prs", "PJSIP/1001");
        Staff.operator(data, "bob", "prs", "PJSIP/1002");
        Staff.manager(data, "meena");
        String tipId = UUID.randomUUID().toString();
        try (HotlineProcess hotline = HotlineProcess.start(data, "hotline", Map.of())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> hotline.output().contains("Retention purge:"));
            ScreenClient ana = Staff.signedIn(hotline, "ana");
            assertThat(ana.postJson("/api/tips", new JsonObject().put("id", tipId).put("contactType", "silent")
                    .encode(), true).statusCode()).isBetween(200, 299);
            ScreenClient meena = Staff.signedIn(hotline, "meena");
            for (int i = 0; i < 3; i++) {
                assertThat(meena.get("/api/tips/" + tipId).statusCode()).isEqualTo(200);
            }
            assertThat(ana.get("/api/tips/" + tipId).statusCode()).isEqualTo(200);
            assertThat(ana.get("/api/tips").statusCode()).as("a list is not a view").isEqualTo(200);
            assertThat(Staff.signedIn(hotline, "bob").get("/api/tips/" + tipId).statusCode()).isBetween(403, 404);
            hotline.stop();
        }

        StoppedDatabase.with(data, dsl -> {
            assertThat(count(dsl, "tip-opened", tipId)).as("one row per view").isEqualTo(4);
            assertThat(count(dsl, "tip-open-refused", tipId)).as("one row per refused view").isEqualTo(1);
            List<String> purged = dsl.select(AUDIT_EVENTS.SUBJECT_TYPE).from(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.ACTION.eq("retention-purge")).fetch(AUDIT_EVENTS.SUBJECT_TYPE);
            assertThat(purged).as("one row per kind of record purged").doesNotHaveDuplicates()
                    .contains("tip-summaries", "calls", "operator-states", "audit-events");
            assertThat(dsl.select(AUDIT_EVENTS.RECORD_COUNT).from(AUDIT_EVENTS)
                    .where(AUDIT_EVENTS.ACTION.eq("retention-purge"), AUDIT_EVENTS.SUBJECT_TYPE.eq("audit-events"))
                    .fetchOne(AUDIT_EVENTS.RECORD_COUNT)).as("the purge counts what it deleted").isEqualTo(1L);
            assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq("old-enough"))).isZero();
            assertThat(dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq("recent"))).isEqualTo(1);
            return null;
        });
    }

    private static int count(DSLContext dsl, String action, String tipId) {
        return dsl.fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq(action), AUDIT_EVENTS.SUBJECT_TYPE.eq("tip"),
                AUDIT_EVENTS.SUBJECT_ID.eq(tipId));
    }

    private static int insertAudit(DSLContext dsl, OffsetDateTime at, String subject) {
        return dsl.insertInto(AUDIT_EVENTS).set(AUDIT_EVENTS.OCCURRED_AT, at).set(AUDIT_EVENTS.ACTOR_ROLE, SYSTEM)
                .set(AUDIT_EVENTS.ACTION, "test-row").set(AUDIT_EVENTS.SUBJECT_TYPE, "test")
                .set(AUDIT_EVENTS.SUBJECT_ID, subject).execute();
    }
}
