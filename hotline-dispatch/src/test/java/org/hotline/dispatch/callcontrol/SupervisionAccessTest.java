package org.hotline.dispatch.callcontrol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.SupervisionMode;
import org.hotline.core.bus.SupervisionRecord;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may supervise, and what the audit trail keeps: an operator gets 403 and the attempt is a row; each session's
 * modes and end, and both operators of a transfer, are rows too. Real H2 with the real migrations.
 */
class SupervisionAccessTest extends ApiTestBase {
    AuditTrail trail;
    Person operator;
    Person manager;

    @BeforeAll
    void signInPeople() throws Exception {
        trail = new JooqAuditTrail(api.dsl());
        operator = api.signIn("nosy-operator", Role.OPERATOR);
        manager = api.signIn("floor-manager", Role.MANAGER);
        new CallControlAudit(trail, new JooqOperatorDirectory(api.dsl()), Executors.newVirtualThreadPerTaskExecutor(),
                Clock.systemUTC()).listen(api.vertx()).getLast().completion().toCompletionStage().toCompletableFuture()
                .get();
    }

    @Test
    void anOperatorWhoTriesToSuperviseGets403AndTheAttemptIsAudited() {
        String call = UUID.randomUUID().toString();

        var reply = operator.client().post("/api/callcontrol/supervise",
                new JsonObject().put("callId", call).put("mode", "listen"));

        assertThat(reply.status()).isEqualTo(403);
        List<AuditEvent> events = trail.about("call", call);
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().action()).isEqualTo("supervision-refused");
        assertThat(events.getFirst().actorId()).isEqualTo(operator.id());
        assertThat(events.getFirst().actorRole()).isEqualTo("operator");
    }

    @Test
    void aManagerWithoutAPhoneIsToldSoAndWithoutCallControlEveryoneIsToldItIsUnavailable() {
        String call = UUID.randomUUID().toString();
        var noPhone = manager.client().post("/api/callcontrol/supervise",
                new JsonObject().put("callId", call).put("mode", "listen"));
        assertThat(noPhone.status()).isEqualTo(422);
        assertThat(noPhone.json().getString("problem")).isEqualTo("no-endpoint");

        // No call-control verticle answers here: the screen must say so, never pretend.
        var transfer = operator.client().post("/api/callcontrol/transfer",
                new JsonObject().put("callId", call).put("to", manager.id()));
        assertThat(transfer.status()).isIn(422, 503);
        var status = operator.client().get("/api/callcontrol");
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().getBoolean("available")).isFalse();
        assertThat(status.json().getBoolean("showSupervisor")).isTrue();
        assertThat(status.json().containsKey("calls")).isFalse();
    }

    @Test
    void aCompletedTransferMakesTheCallAndSoItsTipTheColleagues() throws Exception {
        new CallOwnership(api.dsl(), Executors.newVirtualThreadPerTaskExecutor()).listen(api.vertx()).completion()
                .toCompletionStage().toCompletableFuture().get();
        Person colleague = api.signIn("colleague", Role.OPERATOR);
        String call = api.callHandledBy(operator.id());
        String tip = org.hotline.dispatch.apitest.TipForms.newId();
        // The first operator's notes, typed during the call, are a draft on the server.
        assertThat(operator.client().put("/api/drafts/" + call, new JsonObject().put("tipId", tip)
                .put("draft", new JsonObject().put("summary", "Worker held at a brick kiln"))).status())
                .isEqualTo(200);
        // Routing hears of the new owner only once the database says so, so the colleague's screen can read the draft.
        java.util.concurrent.CompletableFuture<String> ownerWhenStored = new java.util.concurrent.CompletableFuture<>();
        api.vertx().eventBus().<JsonObject>consumer(BusAddresses.CALL_OWNER_STORED, m -> Thread.ofVirtual().start(
                () -> ownerWhenStored.complete(api.dsl().select(org.hotline.core.db.Tables.CALLS.OPERATOR_ID)
                        .from(org.hotline.core.db.Tables.CALLS).where(org.hotline.core.db.Tables.CALLS.ID.eq(call))
                        .fetchSingle().value1())));

        api.vertx().eventBus().publish(BusAddresses.CALL_OWNER_CHANGED,
                new CallOwnerChanged(call, operator.id(), colleague.id()).toJson());

        assertThat(ownerWhenStored.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(colleague.id());
        var draft = colleague.client().get("/api/drafts/" + call);
        assertThat(draft.status()).isEqualTo(200);
        assertThat(draft.json().getString("tipId")).as("the same tip, so it is saved once").isEqualTo(tip);
        assertThat(draft.json().getJsonObject("draft").getString("summary")).isEqualTo("Worker held at a brick kiln");
        assertThat(operator.client().get("/api/drafts/" + call).json().getValue("draft")).isNull();
        assertThat(operator.client().post("/api/tips", org.hotline.dispatch.apitest.TipForms.substantive(tip)
                .put("callId", call)).status()).isEqualTo(400);
        assertThat(colleague.client().post("/api/tips", org.hotline.dispatch.apitest.TipForms.substantive(tip)
                .put("callId", call)).status()).isEqualTo(201);
    }

    @Test
    void everySupervisionModeAndItsEndAndBothOperatorsOfATransferAreAuditRows() {
        String call = UUID.randomUUID().toString();
        Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        api.vertx().eventBus().publish(BusAddresses.SUPERVISION,
                new SupervisionRecord(manager.id(), call, SupervisionMode.LISTEN, start).toJson());
        api.vertx().eventBus().publish(BusAddresses.SUPERVISION,
                new SupervisionRecord(manager.id(), call, SupervisionMode.BARGE, start.plusSeconds(5)).toJson());
        api.vertx().eventBus().publish(BusAddresses.SUPERVISION,
                new SupervisionRecord(manager.id(), call, null, start.plusSeconds(9)).toJson());
        api.vertx().eventBus().publish(BusAddresses.CALL_OWNER_CHANGED,
                new CallOwnerChanged(call, operator.id(), manager.id()).toJson());

        await().atMost(Duration.ofSeconds(30)).until(() -> trail.about("call", call).size() == 5);
        List<AuditEvent> session = trail.about("call", call).stream()
                .filter(e -> e.action().startsWith("supervision-")).toList();
        assertThat(session).extracting(AuditEvent::action)
                .containsExactly("supervision-listen", "supervision-barge", "supervision-ended");
        assertThat(session).extracting(AuditEvent::at)
                .containsExactly(start, start.plusSeconds(5), start.plusSeconds(9));
        assertThat(session).allMatch(e -> e.actorId().equals(manager.id()) && e.actorRole().equals("manager"));
        assertThat(trail.about("call", call).stream().filter(e -> e.action().startsWith("call-transfer")))
                .extracting(AuditEvent::action, AuditEvent::actorId)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("call-transferred", operator.id()),
                        org.assertj.core.groups.Tuple.tuple("call-transfer-taken", manager.id()));
    }
}
