package org.hotline.dispatch.tips;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.ApiTestBase;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tip of a call as it is typed (drafts), and one tip per call, over HTTP on a real database file: a draft is
 * stored per call, read back by any tab of its operator only, keeps its first tip id, and is gone with the tip;
 * a second tip for the same call is refused whatever its id, while a repeat of the same id stays idempotent.
 */
class TipDraftTest extends ApiTestBase {
    Person alice;
    Person bob;

    @BeforeAll
    void signInPeople() {
        alice = api.signIn("alice-drafts", Role.OPERATOR);
        bob = api.signIn("bob-drafts", Role.OPERATOR);
    }

    @Test
    void aDraftIsStoredPerCallAndReadBackWithItsFirstTipId() {
        String call = api.callHandledBy(alice.id());
        String firstId = TipForms.newId();
        Reply saved = alice.client().put("/api/drafts/" + call, draft(firstId, "The caller is at a kiln"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        // A second tab, with a tip id of its own, writes on: the tip id stays the first one.
        Reply again = alice.client().put("/api/drafts/" + call, draft(TipForms.newId(), "The caller is at a kiln near"));
        assertThat(again.json().getString("tipId")).isEqualTo(firstId);

        assertThat(alice.client().get("/api/drafts").array().stream().map(d -> ((JsonObject) d).getString("callId")))
                .as("among my unfinished tips").contains(call);
        assertThat(bob.client().get("/api/drafts").array().stream().map(d -> ((JsonObject) d).getString("callId")))
                .doesNotContain(call);
        JsonObject read = alice.client().get("/api/drafts/" + call).json();
        assertThat(read.getString("tipId")).isEqualTo(firstId);
        assertThat(read.getBoolean("saved")).isFalse();
        assertThat(read.getJsonObject("draft").getString("summary")).isEqualTo("The caller is at a kiln near");
        assertThat(api.dsl().fetchCount(TIP_DRAFTS, TIP_DRAFTS.CALL_ID.eq(call))).isOne();
    }

    /** An empty body once answered 500 (the draft route read a missing object); now every bad body is a 400. */
    @Test
    void aBodyThatIsNotAJsonObjectIsRefusedClearlyAndStoresNothing() {
        String call = api.callHandledBy(alice.id());
        for (String body : List.of("", "[]", "not json", "\"text\"")) {
            Reply refused = alice.client().put("/api/drafts/" + call, body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.json().getString("error")).isEqualTo("The request is not a JSON object.");
        }
        assertThat(api.dsl().fetchCount(TIP_DRAFTS, TIP_DRAFTS.CALL_ID.eq(call))).isZero();
    }

    @Test
    void notesTypedWhileTheCallIsPutThroughWaitUntilTheCallIsTheirs() {
        String call = api.callHandledBy(null);
        api.dsl().update(CALLS).setNull(CALLS.OUTCOME).where(CALLS.ID.eq(call)).execute();

        Reply early = alice.client().put("/api/drafts/" + call, draft(TipForms.newId(), "typed at the accept"));
        assertThat(early.status()).as("try again shortly").isEqualTo(503);
        assertThat(api.dsl().fetchCount(TIP_DRAFTS, TIP_DRAFTS.CALL_ID.eq(call))).isZero();

        api.dsl().update(CALLS).set(CALLS.OPERATOR_ID, alice.id()).where(CALLS.ID.eq(call)).execute();
        assertThat(alice.client().put("/api/drafts/" + call, draft(TipForms.newId(), "typed at the accept"))
                .status()).isEqualTo(200);
    }

    @Test
    void onlyTheOperatorOfTheCallReadsOrWritesItsDraft() {
        String call = api.callHandledBy(alice.id());
        alice.client().put("/api/drafts/" + call, draft(TipForms.newId(), "mine"));

        assertThat(bob.client().put("/api/drafts/" + call, draft(TipForms.newId(), "theirs")).status())
                .isEqualTo(403);
        assertThat(bob.client().get("/api/drafts/" + call).json().getValue("draft")).isNull();
        Person manager = api.signIn("manager-drafts", Role.MANAGER);
        assertThat(manager.client().get("/api/drafts/" + call).status()).isEqualTo(403);
    }

    @Test
    void submittingTheTipDeletesTheDraftAndALateAutosaveCannotBringItBack() {
        String call = api.callHandledBy(alice.id());
        String tipId = TipForms.newId();
        alice.client().put("/api/drafts/" + call, draft(tipId, "notes"));

        Reply tip = alice.client().post("/api/tips", TipForms.substantive(tipId).put("callId", call));
        assertThat(tip.status()).as(tip.toString()).isEqualTo(201);
        assertThat(api.dsl().fetchCount(TIP_DRAFTS, TIP_DRAFTS.CALL_ID.eq(call))).isZero();

        Reply late = alice.client().put("/api/drafts/" + call, draft(tipId, "notes typed on"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(api.dsl().fetchCount(TIP_DRAFTS, TIP_DRAFTS.CALL_ID.eq(call))).isZero();
        JsonObject read = alice.client().get("/api/drafts/" + call).json();
        assertThat(read.getBoolean("saved")).isTrue();
        assertThat(alice.client().get("/api/drafts").array().stream().map(d -> ((JsonObject) d).getString("callId")))
                .doesNotContain(call);
        assertThat(read.getString("tipId")).isEqualTo(tipId);
    }

    @Test
    void aSecondTipForTheSameCallIsRefusedWhileTheSameIdStaysIdempotent() {
        String call = api.callHandledBy(alice.id());
        String tipId = TipForms.newId();
        assertThat(alice.client().post("/api/tips", TipForms.substantive(tipId).put("callId", call)).status())
                .isEqualTo(201);

        Reply repeat = alice.client().post("/api/tips", TipForms.substantive(tipId).put("callId", call));
        assertThat(repeat.status()).isEqualTo(200);
        Reply second = alice.client().post("/api/tips", TipForms.substantive(TipForms.newId()).put("callId", call));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.json().getString("error")).contains("already saved");
        assertThat(api.dsl().fetchCount(TIPS, TIPS.CALL_ID.eq(call))).isOne();
    }

    @Test
    void twoTabsSavingDifferentTipsForOneCallAtOnceMakeOneTip() throws Exception {
        String call = api.callHandledBy(alice.id());
        int tabs = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            JsonObject form = TipForms.substantive(TipForms.newId()).put("callId", call);
            replies.add(pool.submit(() -> {
                go.await();
                return alice.client().post("/api/tips", form);
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
        assertThat(api.dsl().fetchCount(TIPS, TIPS.CALL_ID.eq(call))).isOne();
    }

    @Test
    void everyMissingFieldIsNamedAtOnce() {
        JsonObject form = new JsonObject().put("id", TipForms.newId()).put("contactType", "substantive")
                .put("victims", new JsonObject().put("female", 1));

        Reply refused = alice.client().post("/api/tips", form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("errors").stream().map(e -> ((JsonObject) e).getString("field")))
                .containsExactlyInAnyOrder("signal", "urgency", "consent", "victims.count");
    }

    private static JsonObject draft(String tipId, String summary) {
        return new JsonObject().put("tipId", tipId)
                .put("draft", new JsonObject().put("contactType", "substantive").put("summary", summary));
    }
}
