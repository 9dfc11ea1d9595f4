package org.hotline.dispatch.voicemail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.core.db.Tables.AUDIT_EVENTS;
import static org.hotline.core.db.Tables.TIPS;
import static org.hotline.core.db.Tables.VOICEMAIL_TASKS;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hotline.core.call.Language;
import org.hotline.core.testing.TestDatabases.Engine;
import org.hotline.dispatch.apitest.ApiServer;
import org.hotline.dispatch.apitest.ApiServer.Person;
import org.hotline.dispatch.apitest.Client.Reply;
import org.hotline.dispatch.apitest.TipForms;
import org.hotline.dispatch.operators.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Voice messages as tasks: claimed by exactly one operator, heard only by them, and turned into a tip. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoicemailTaskTest {
    private static final byte[] AUDIO = "RIFF....WAVEfmt fake recording".getBytes(StandardCharsets.US_ASCII);

    Path dataDir;
    ApiServer api;
    Path voicemailDir;
    Person first;
    Person second;

    /** The database engine this run uses; subclasses run the same tests on PostgreSQL. */
    Engine engine() {
        return Engine.H2;
    }

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        dataDir = dir;
        voicemailDir = Files.createDirectories(dataDir.resolve("spool"));
        api = ApiServer.start(engine(), dataDir.resolve("db"), voicemailDir);
        first = api.signIn("first", Role.OPERATOR);
        second = api.signIn("second", Role.OPERATOR);
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void exactlyOneOfManyOperatorsClaimsAMessage() throws Exception {
        String call = recorded();
        List<Person> operators = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            operators.add(api.signIn("racer-" + i + "-" + call.substring(0, 6), Role.OPERATOR));
        }
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(operators.size());
        List<Future<Reply>> replies = new ArrayList<>();
        for (Person operator : operators) {
            replies.add(pool.submit(() -> {
                go.await();
                return operator.client().post("/api/voicemails/" + call + "/claim", "");
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Reply> reply : replies) {
            statuses.add(reply.get(30, TimeUnit.SECONDS).status());
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
        assertThat(api.dsl().fetchCount(VOICEMAIL_TASKS, VOICEMAIL_TASKS.CALL_ID.eq(call))).isOne();
        Person winner = operators.get(statuses.indexOf(200));
        assertThat(api.dsl().fetchValue(VOICEMAIL_TASKS.CLAIMED_BY, VOICEMAIL_TASKS.CALL_ID.eq(call)))
                .isEqualTo(winner.id());
        assertThat(winner.client().post("/api/voicemails/" + call + "/claim", "").status())
                .as("claiming again is harmless").isEqualTo(200);
    }

    @Test
    void theListShowsUnclaimedMessagesAndMineButNotOthers() {
        String unclaimed = recorded();
        String mine = recorded();
        String theirs = recorded();
        claim(first, mine);
        claim(second, theirs);

        JsonArray list = first.client().get("/api/voicemails").array();

        List<String> calls = list.stream().map(t -> ((JsonObject) t).getString("callId")).toList();
        assertThat(calls).contains(unclaimed, mine).doesNotContain(theirs);
        JsonObject task = list.stream().map(t -> (JsonObject) t).filter(t -> mine.equals(t.getString("callId")))
                .findFirst().orElseThrow();
        assertThat(task.getBoolean("claimedByMe")).isTrue();
        assertThat(task.getString("language")).isEqualTo("prs");
        assertThat(task.encode()).doesNotContain(".wav").doesNotContain("pseudonym");
    }

    @Test
    void theAudioGoesToTheClaimantOnlyAndEachPlayIsAudited() {
        String call = recorded();
        assertThat(first.client().getBytes("/api/voicemails/" + call + "/audio").statusCode())
                .as("nobody holds it yet").isEqualTo(403);
        claim(first, call);

        HttpResponse<byte[]> audio = first.client().getBytes("/api/voicemails/" + call + "/audio");
        assertThat(audio.statusCode()).isEqualTo(200);
        assertThat(audio.body()).isEqualTo(AUDIO);
        assertThat(audio.headers().firstValue("content-type")).hasValue("audio/wav");
        assertThat(audio.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(second.client().getBytes("/api/voicemails/" + call + "/audio").statusCode()).isEqualTo(403);
        Person manager = api.signIn("boss-" + call.substring(0, 6), Role.MANAGER);
        assertThat(manager.client().getBytes("/api/voicemails/" + call + "/audio").statusCode()).isEqualTo(403);
        assertThat(api.dsl().fetchCount(AUDIT_EVENTS, AUDIT_EVENTS.SUBJECT_ID.eq(call)
                .and(AUDIT_EVENTS.ACTION.eq("voicemail-played")).and(AUDIT_EVENTS.ACTOR_ID.eq(first.id())))).isOne();
    }

    @Test
    void aFileNameOutsideTheDirectoryIsNeverServed() throws Exception {
        Files.writeString(dataDir.resolve("secret.txt"), "not a recording");
        for (String reference : List.of("../secret.txt", "/etc/passwd", "..", "sub/../../secret.txt", ".hidden")) {
            String call = api.voicemailCall(reference);
            claim(first, call);
            Reply reply = first.client().get("/api/voicemails/" + call + "/audio");
            assertThat(reply.status()).as(reference).isEqualTo(404);
            assertThat(reply.body()).doesNotContain("not a recording", "root:");
        }
    }

    @Test
    void aSymbolicLinkInTheDirectoryIsNotFollowed() throws Exception {
        Files.writeString(dataDir.resolve("outside.wav"), "outside");
        String call = api.voicemailCall("link.wav");
        Files.createSymbolicLink(voicemailDir.resolve("link.wav"), dataDir.resolve("outside.wav"));
        claim(first, call);

        assertThat(first.client().get("/api/voicemails/" + call + "/audio").status()).isEqualTo(404);
    }

    @Test
    void theRequestPathCannotNameAFile() {
        for (String path : List.of("/api/voicemails/..%2F..%2Fsecret.txt/audio", "/api/voicemails/secret.txt/audio",
                "/api/voicemails/%2e%2e/audio", "/api/voicemails/../../secret.txt/audio")) {
            Reply reply = first.client().getRaw(path);
            assertThat(reply.status()).as(path).isIn(400, 404);
            assertThat(reply.body()).doesNotContain("not a recording");
        }
    }

    @Test
    void aMissingRecordingIsNotFound() throws Exception {
        String call = recorded();
        claim(first, call);
        Files.delete(voicemailDir.resolve(call + ".wav"));

        assertThat(first.client().get("/api/voicemails/" + call + "/audio").status()).isEqualTo(404);
    }

    @Test
    void aTipIsRecordedFromAClaimedMessageAndTheMessageMarkedDone() {
        String call = recorded();
        String tipId = TipForms.newId();
        assertThat(first.client().post("/api/tips", TipForms.substantive(tipId).put("callId", call)).status())
                .as("not claimed yet: not a call this operator handled").isEqualTo(400);
        claim(first, call);
        assertThat(second.client().post("/api/tips", TipForms.substantive(TipForms.newId()).put("callId", call))
                .status()).as("someone else's message").isEqualTo(400);

        Reply tip = first.client().post("/api/tips", TipForms.substantive(tipId).put("callId", call));
        assertThat(tip.status()).as(tip.toString()).isEqualTo(201);
        assertThat(api.dsl().fetchValue(TIPS.CALL_ID, TIPS.ID.eq(tipId))).isEqualTo(call);

        assertThat(second.client().post("/api/voicemails/" + call + "/done", "").status()).isEqualTo(403);
        assertThat(first.client().post("/api/voicemails/" + call + "/done", "").status()).isEqualTo(200);
        assertThat(first.client().post("/api/voicemails/" + call + "/done", "").status()).isEqualTo(200);
        assertThat(api.dsl().fetchValue(VOICEMAIL_TASKS.DONE_AT, VOICEMAIL_TASKS.CALL_ID.eq(call))).isNotNull();
        assertThat(first.client().get("/api/voicemails").body()).doesNotContain(call);
    }

    @Test
    void onlyVoicemailCallsAreTasks() {
        String answered = api.callHandledBy(first.id());
        assertThat(first.client().post("/api/voicemails/" + answered + "/claim", "").status()).isEqualTo(404);
        assertThat(first.client().post("/api/voicemails/" + TipForms.newId() + "/claim", "").status()).isEqualTo(404);
        assertThat(first.client().get("/api/voicemails").body()).doesNotContain(answered);
    }

    @Test
    void voiceMessagesAreForOperators() {
        Person manager = api.signIn("manager-vm", Role.MANAGER);
        assertThat(manager.client().get("/api/voicemails").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/voicemails").status()).isEqualTo(401);
    }

    @Test
    void aMessageIsListedAndClaimableOnlyByThoseWhoSpeakItsLanguageOrWorkWithAnInterpreter() {
        String urdu = recorded(Language.URDU);
        Person dari = api.signIn("dari-only-" + urdu.substring(0, 6), Role.OPERATOR);
        Person interpreted = api.signIn("interpreted-" + urdu.substring(0, 6), Role.OPERATOR, Set.of(Language.DARI),
                true);

        assertThat(ids(dari.client().get("/api/voicemails").array())).doesNotContain(urdu);
        Reply refused = dari.client().post("/api/voicemails/" + urdu + "/claim", "");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().getString("error")).contains("language you do not speak");
        assertThat(api.dsl().fetchCount(VOICEMAIL_TASKS, VOICEMAIL_TASKS.CALL_ID.eq(urdu))).isZero();

        assertThat(ids(interpreted.client().get("/api/voicemails").array())).contains(urdu);
        claim(interpreted, urdu);
    }

    @Test
    void aClaimCanBeReleasedByItsHolderOnlyAndTheMessageIsOpenAgain() {
        String call = recorded();
        claim(first, call);
        assertThat(second.client().post("/api/voicemails/" + call + "/release", "").status()).isEqualTo(403);
        assertThat(ids(second.client().get("/api/voicemails").array())).doesNotContain(call);

        Reply released = first.client().post("/api/voicemails/" + call + "/release", "");

        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(ids(second.client().get("/api/voicemails").array())).contains(call);
        claim(second, call);
    }

    private static List<String> ids(io.vertx.core.json.JsonArray tasks) {
        return tasks.stream().map(t -> ((io.vertx.core.json.JsonObject) t).getString("callId")).toList();
    }

    /** A voice message whose recording is on disk, unclaimed. */
    private String recorded() {
        return recorded(Language.DARI);
    }

    private String recorded(Language language) {
        String call = api.voicemailCall(null, language);
        try {
            Files.write(voicemailDir.resolve(call + ".wav"), AUDIO);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return call;
    }

    private void claim(Person operator, String call) {
        Reply reply = operator.client().post("/api/voicemails/" + call + "/claim", "");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}
