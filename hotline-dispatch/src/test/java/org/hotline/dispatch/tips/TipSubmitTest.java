package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.REFERRALS;
import static org.hotline.core.db.Tables.REFERRAL_STATUS_CHANGES;
import static org.hotline.core.db.Tables.TIPS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.BusAddresses;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Submitting tips over HTTP: one row per tip id whatever the clicks and retries, referrals, the bus message. */
class TipSubmitTest extends ApiTestBase {
    Person alice;
    final List<JsonObject> tipSaved = new CopyOnWriteArrayList<>();

    @BeforeAll
    void signInPeople() {
        alice = api.signIn("alice", Role.OPERATOR);
        api.vertx().eventBus().<JsonObject>consumer(BusAddresses.TIP_SAVED, m -> tipSaved.add(m.body()));
    }

    @Test
    void aSavedTipIsAnsweredAfterCommitWithWhatWasStored() {
        String id = TipForms.newId();
        Reply reply = alice.client().post("/api/tips", TipForms.substantive(id));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonObject tip = reply.json();
        assertThat(tip.getString("id")).isEqualTo(id);
        assertThat(tip.getString("operatorId")).isEqualTo(alice.id());
        assertThat(tip.getString("region")).isEqualTo("AF-HER");
        assertThat(tip.getJsonArray("control")).containsExactly("debt", "confiscated-documents");
        assertThat(tip.getJsonObject("victims").getInteger("count")).isEqualTo(3);
        assertThat(tip.getBoolean("crossBorder")).as("AF -> IR -> TR").isTrue();
        assertThat(tip.getString("summary")).as("the author sees their summary").isEqualTo(TipForms.SECRET_SUMMARY);
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).isOne();
        assertThat(api.dsl().fetchValue(TIPS.SUMMARY, TIPS.ID.eq(id))).isEqualTo(TipForms.SECRET_SUMMARY);
    }

    @Test
    void theSameIdAgainReturnsTheStoredTipAndNeverASecondRow() {
        String id = TipForms.newId();
        assertThat(alice.client().post("/api/tips", TipForms.substantive(id)).status()).isEqualTo(201);
        // A retry after a lost answer, even with edited content, gets the stored tip back unchanged.
        Reply retry = alice.client().post("/api/tips", TipForms.substantive(id).put("urgency", "critical"));

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().getString("urgency")).isEqualTo("urgent");
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).isOne();
    }

    @Test
    void aDoubleClickMakesOneTipWithOneSetOfReferrals() throws Exception {
        String id = TipForms.newId();
        JsonObject form = TipForms.withTwoReferrals(id);
        int clicks = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        List<Future<Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < clicks; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return alice.client().post("/api/tips", form);
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (Future<Reply> reply : replies) {
            Reply r = reply.get(30, TimeUnit.SECONDS);
            statuses.add(r.status());
            assertThat(r.json().getString("id")).isEqualTo(id);
            assertThat(r.json().getJsonArray("referrals")).hasSize(2);
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(200, 201).containsOnlyOnce(201);
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).isOne();
        assertThat(api.dsl().fetchCount(REFERRALS, REFERRALS.TIP_ID.eq(id))).isEqualTo(2);
        assertThat(api.dsl().fetchCount(REFERRAL_STATUS_CHANGES, REFERRAL_STATUS_CHANGES.REFERRAL_ID.in(
                api.dsl().select(REFERRALS.ID).from(REFERRALS).where(REFERRALS.TIP_ID.eq(id))))).isEqualTo(2);
        assertThat(tipSaved.stream().filter(m -> id.equals(m.getString("tipId")))).as("published once").hasSize(1);
    }

    @Test
    void referralsStartProposedWithCrossBorderDerivedFromTheCountries() {
        String id = TipForms.newId();
        Reply reply = alice.client().post("/api/tips", TipForms.withTwoReferrals(id));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        JsonArray referrals = reply.json().getJsonArray("referrals");
        JsonObject iom = referrals.getJsonObject(0);
        JsonObject lhrla = referrals.getJsonObject(1);
        assertThat(iom.getString("partnerId")).isEqualTo("af-iom");
        assertThat(iom.getBoolean("crossBorder")).as("AF partner, AF tip").isFalse();
        assertThat(iom.getBoolean("consent")).isTrue();
        assertThat(lhrla.getString("partnerId")).isEqualTo("pk-lhrla");
        assertThat(lhrla.getBoolean("crossBorder")).as("PK partner, AF tip").isTrue();
        assertThat(lhrla.getBoolean("consent")).isFalse();
        for (Object item : referrals) {
            JsonObject referral = (JsonObject) item;
            assertThat(referral.getString("status")).isEqualTo("proposed");
            assertThat(referral.getJsonArray("history")).hasSize(1);
            assertThat(referral.getJsonArray("history").getJsonObject(0).getString("to")).isEqualTo("proposed");
            assertThat(referral.getJsonArray("history").getJsonObject(0).getString("by")).isEqualTo(alice.id());
        }
        assertThat(api.dsl().fetchValue(REFERRALS.CROSS_BORDER, REFERRALS.TIP_ID.eq(id)
                .and(REFERRALS.PARTNER_ID.eq("pk-lhrla")))).isTrue();
    }

    @Test
    void aTipInTajikistanReferredToATajikPartnerIsNotCrossBorder() {
        JsonObject form = TipForms.substantive(TipForms.newId()).put("country", "TJ").put("region", "TJ-SU")
                .put("origin", null).put("transit", null).put("destination", null)
                .put("referrals", new JsonArray().add(TipForms.referral("tj-femida", "legal-aid", true))
                        .add(TipForms.referral("af-iom", "family-tracing", true)));
        Reply reply = alice.client().post("/api/tips", form);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getBoolean("crossBorder")).isFalse();
        assertThat(reply.json().getJsonArray("referrals").getJsonObject(0).getBoolean("crossBorder")).isFalse();
        assertThat(reply.json().getJsonArray("referrals").getJsonObject(1).getBoolean("crossBorder")).isTrue();
    }

    @Test
    void tipSavedGoesOnTheBusWithIdsOnly() {
        String callId = api.callHandledBy(alice.id());
        String id = TipForms.newId();
        assertThat(alice.client().post("/api/tips", TipForms.substantive(id).put("callId", callId)).status())
                .isEqualTo(201);

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> tipSaved.stream().anyMatch(m -> id.equals(m.getString("tipId"))));
        JsonObject message = tipSaved.stream().filter(m -> id.equals(m.getString("tipId"))).findFirst().orElseThrow();
        assertThat(message.fieldNames()).containsExactlyInAnyOrder("operatorId", "tipId", "callId");
        assertThat(message.getString("operatorId")).isEqualTo(alice.id());
        assertThat(message.getString("callId")).isEqualTo(callId);
        assertThat(message.encode()).doesNotContain("Herat", "brick");
    }

    @Test
    void theCallMustBeOneTheOperatorHandled() {
        Person bob = api.signIn("bob-" + TipForms.newId().substring(0, 8), Role.OPERATOR);
        String bobsCall = api.callHandledBy(bob.id());
        String id = TipForms.newId();

        Reply reply = alice.client().post("/api/tips", TipForms.substantive(id).put("callId", bobsCall));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("field")).isEqualTo("callId");
        Reply unknown = alice.client().post("/api/tips", TipForms.substantive(id).put("callId", TipForms.newId()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).isZero();
    }

    @Test
    void aTipForACallWhoseAssignmentIsStillBeingRecordedIsToldToTryAgain() {
        String call = api.callHandledBy(null);
        String id = TipForms.newId();
        // Not handed to anyone yet (still in the queue, say): nobody's call, so no waiting.
        Reply queued = alice.client().post("/api/tips", TipForms.substantive(id).put("callId", call));
        assertThat(queued.status()).as(queued.toString()).isEqualTo(400);

        api.dsl().update(CALLS).set(CALLS.HANDED_OFF_AT, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .where(CALLS.ID.eq(call)).execute();
        Reply early = alice.client().post("/api/tips", TipForms.substantive(id).put("callId", call));
        assertThat(early.status()).as(early.toString()).isEqualTo(503);
        assertThat(early.json().getString("error")).contains("still being recorded");
        assertThat(api.dsl().fetchCount(TIPS, TIPS.ID.eq(id))).isZero();

        api.dsl().update(CALLS).set(CALLS.OPERATOR_ID, alice.id()).where(CALLS.ID.eq(call)).execute();
        Reply again = alice.client().post("/api/tips", TipForms.substantive(id).put("callId", call));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
    }

    @Test
    void anotherOperatorCannotTakeOverATipId() {
        Person carol = api.signIn("carol", Role.OPERATOR);
        String id = TipForms.newId();
        assertThat(alice.client().post("/api/tips", TipForms.substantive(id)).status()).isEqualTo(201);

        Reply reply = carol.client().post("/api/tips", TipForms.substantive(id));
        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.body()).doesNotContain("Herat");
    }

    @Test
    void onlyOperatorsSubmitTips() {
        Person manager = api.signIn("mona", Role.MANAGER);
        assertThat(manager.client().post("/api/tips", TipForms.substantive(TipForms.newId())).status()).isEqualTo(403);
        assertThat(api.anonymous().post("/api/tips", TipForms.substantive(TipForms.newId())).status()).isEqualTo(401);
    }

    @Test
    void nonSubstantiveContactsNeedOnlyTheirType() {
        Reply reply = alice.client().post("/api/tips", new JsonObject().put("id", TipForms.newId())
                .put("contactType", "prank"));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.json().getString("signal")).isNull();
        assertThat(reply.json().getBoolean("crossBorder")).isFalse();
    }

    @Test
    void savedTipsAndReferralsAreCounted() {
        double tips = api.registry().counter("hotline.tips.saved").count();
        double referrals = api.registry().counter("hotline.referrals.saved").count();
        String id = TipForms.newId();
        alice.client().post("/api/tips", TipForms.withTwoReferrals(id));
        alice.client().post("/api/tips", TipForms.withTwoReferrals(id));

        assertThat(api.registry().counter("hotline.tips.saved").count()).isEqualTo(tips + 1);
        assertThat(api.registry().counter("hotline.referrals.saved").count()).isEqualTo(referrals + 2);
    }
}
