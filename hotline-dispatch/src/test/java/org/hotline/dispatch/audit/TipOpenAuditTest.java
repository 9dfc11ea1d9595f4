package org.hotline.dispatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every open of a tip, by its author or a manager, and every refused attempt, leaves one audit row. */
class TipOpenAuditTest extends ApiTestBase {
    AuditTrail trail;
    Person author;
    Person intruder;
    Person manager;
    Person admin;

    @BeforeAll
    void signInPeople() {
        trail = new JooqAuditTrail(api.dsl());
        author = api.signIn("author", Role.OPERATOR);
        intruder = api.signIn("intruder", Role.OPERATOR);
        manager = api.signIn("manager", Role.MANAGER);
        admin = api.signIn("admin", Role.ADMIN);
    }

    @Test
    void eachOpenWritesOneRowWithWhoWhichTipWhenAndWhat() {
        String tip = savedTip();
        Instant before = Instant.now().minus(Duration.ofSeconds(1));

        assertThat(manager.client().get("/api/tips/" + tip).status()).isEqualTo(200);
        assertThat(manager.client().get("/api/tips/" + tip).status()).isEqualTo(200);
        assertThat(admin.client().get("/api/tips/" + tip).status()).isEqualTo(200);
        assertThat(author.client().get("/api/tips/" + tip).status()).isEqualTo(200);

        List<AuditEvent> events = trail.about("tip", tip);
        assertThat(events).extracting(AuditEvent::actorId)
                .containsExactly(manager.id(), manager.id(), admin.id(), author.id());
        assertThat(events).extracting(AuditEvent::actorRole).containsExactly("manager", "manager", "admin", "operator");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.action()).isEqualTo("tip-opened");
            assertThat(event.subjectType()).isEqualTo("tip");
            assertThat(event.subjectId()).isEqualTo(tip);
            assertThat(event.at()).isAfter(before).isBefore(Instant.now().plusSeconds(1));
        });
    }

    @Test
    void aRefusedOpenIsAuditedToo() {
        String tip = savedTip();

        assertThat(intruder.client().get("/api/tips/" + tip).status()).isEqualTo(403);

        List<AuditEvent> events = trail.about("tip", tip);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().action()).isEqualTo("tip-open-refused");
        assertThat(events.getFirst().actorId()).isEqualTo(intruder.id());
    }

    @Test
    void savingAndListingAreNotOpens() {
        String tip = savedTip();
        manager.client().get("/api/tips");
        author.client().get("/api/tips");

        assertThat(trail.about("tip", tip)).isEmpty();
    }

    private String savedTip() {
        String id = TipForms.newId();
        assertThat(author.client().post("/api/tips", TipForms.substantive(id)).status()).isEqualTo(201);
        return id;
    }
}
