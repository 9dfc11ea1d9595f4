package org.hotline.dispatch.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.DUTY_LIST;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The on-call duty list over HTTP on a real H2 file database: managers read and replace it, every save audited;
 * operators get 403 and their attempt is audited; the duty numbers appear in no log line.
 */
class DutyListApiTest extends ApiTestBase {
    private static final String AZIZ_PHONE = "+93700111001";
    private static final String BIBI_PHONE = "+93700222002";
    Person operator;
    Person manager;

    @BeforeAll
    void signInPeople() {
        operator = api.signIn("olga", Role.OPERATOR);
        manager = api.signIn("mona", Role.MANAGER);
    }

    @Test
    void aManagerReplacesTheListInOrderAndEverySaveIsAuditedWithoutTheNumbersInAnyLog() {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        int audits = api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("duty-list-changed"));
        try {
            Reply saved = manager.client().put("/api/duty-list", new JsonObject().put("people", new JsonArray()
                    .add(new JsonObject().put("name", "Aziz").put("phone", AZIZ_PHONE))
                    .add(new JsonObject().put("name", "Bibi").put("phone", "+93 700-222-002"))));

            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            JsonArray people = manager.client().get("/api/duty-list").json().getJsonArray("people");
            assertThat(people.stream().map(p -> ((JsonObject) p).getString("name"))).containsExactly("Aziz", "Bibi");
            assertThat(people.getJsonObject(1).getString("phone")).isEqualTo(BIBI_PHONE);
            assertThat(api.dsl().select(DUTY_LIST.POSITION).from(DUTY_LIST).orderBy(DUTY_LIST.POSITION)
                    .fetch(DUTY_LIST.POSITION)).containsExactly(0, 1);
            var audit = api.dsl().selectFrom(AUDIT_EVENTS).where(AUDIT_EVENTS.ACTION.eq("duty-list-changed"))
                    .orderBy(AUDIT_EVENTS.ID.desc()).limit(1).fetchSingle();
            assertThat(audit.getActorId()).isEqualTo(manager.id());
            assertThat(audit.getActorRole()).isEqualTo("manager");
            assertThat(audit.getSubjectType()).isEqualTo("duty-list");
            assertThat(audit.getSubjectId()).doesNotContain("700");
            assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTION.eq("duty-list-changed")))
                    .isEqualTo(audits + 1);
        } finally {
            root.detachAppender(logs);
        }
        String logged = String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertThat(logged).contains("Duty list replaced").doesNotContain("700111001").doesNotContain("700222002")
                .doesNotContain("222-002");
    }

    @Test
    void operatorsCannotSeeOrChangeTheListAndTheirAttemptIsAudited() {
        manager.client().put("/api/duty-list", new JsonObject().put("people", new JsonArray()
                .add(new JsonObject().put("name", "Aziz").put("phone", AZIZ_PHONE))));
        int refusals = api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTOR_ID.eq(operator.id())
                .and(AUDIT_EVENTS.ACTION.eq("duty-list-refused")));

        Reply read = operator.client().get("/api/duty-list");
        Reply write = operator.client().put("/api/duty-list", new JsonObject().put("people", new JsonArray()));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("700111001");
        assertThat(write.status()).isEqualTo(403);
        assertThat(api.dsl().fetchCount(DUTY_LIST)).isOne();
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.ACTOR_ID.eq(operator.id())
                .and(AUDIT_EVENTS.ACTION.eq("duty-list-refused")))).isEqualTo(refusals + 2);
        assertThat(operator.client().get("/api/escalations").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/duty-list").status()).isEqualTo(401);
    }

    @Test
    void aListThatIsNotNamesAndNumbersIsRefusedAndChangesNothing() {
        manager.client().put("/api/duty-list", new JsonObject().put("people", new JsonArray()
                .add(new JsonObject().put("name", "Aziz").put("phone", AZIZ_PHONE))));

        Reply bad = manager.client().put("/api/duty-list", new JsonObject().put("people", new JsonArray()
                .add(new JsonObject().put("name", "Cyrus").put("phone", "call me"))));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("Person 1 (Cyrus)");
        assertThat(api.dsl().select(DUTY_LIST.NAME).from(DUTY_LIST).fetch(DUTY_LIST.NAME)).containsExactly("Aziz");
    }
}
