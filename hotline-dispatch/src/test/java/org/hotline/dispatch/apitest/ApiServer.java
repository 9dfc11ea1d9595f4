package org.hotline.dispatch.apitest;

import static org.hotline.core.db.Tables.CALLS;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.Language;
import org.hotline.core.config.Settings;
import org.hotline.core.testing.TestDatabases;
import org.hotline.core.testing.TestDatabases.Engine;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.StorageConfig;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.audit.JooqAuditTrail;
import org.hotline.dispatch.guidance.GuidanceRoutes;
import org.hotline.dispatch.followup.FollowUpRoutes;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.partners.PartnerRoutes;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.SignedInForTests;
import org.hotline.dispatch.tips.TipRoutes;
import org.hotline.dispatch.voicemail.VoicemailRoutes;
import org.jooq.DSLContext;

/**
 * The tips API on a real HTTP server over a real database (an H2 file, or PostgreSQL) with the real migrations,
 * mounted exactly as {@code DispatchModule.mount} mounts it. In place of the screen's sign-in there is a session
 * handler and a test-only route that puts a person in the session; the screen's CSRF handler is not here (it is
 * the screen's, and tested there).
 */
public final class ApiServer implements AutoCloseable {
    private final Database database;
    private final Vertx vertx;
    private final HttpServer server;
    private final ExecutorService blocking;
    private final SimpleMeterRegistry registry;
    private final OperatorDirectory directory;

    private ApiServer(Database database, Vertx vertx, HttpServer server, ExecutorService blocking,
                      SimpleMeterRegistry registry) {
        this.database = database;
        this.vertx = vertx;
        this.server = server;
        this.blocking = blocking;
        this.registry = registry;
        this.directory = new JooqOperatorDirectory(database.dsl());
    }

    /** On H2 in {@code dataDir}, the default deployment. */
    public static ApiServer start(Path dataDir) {
        return start(Engine.H2, dataDir);
    }

    public static ApiServer start(Engine engine, Path dataDir) {
        return start(engine, dataDir, dataDir.resolve("voicemail"));
    }

    /** On a fresh database of {@code engine} (H2 files in {@code dataDir}), voice messages in {@code voicemailDir}. */
    public static ApiServer start(Engine engine, Path dataDir, Path voicemailDir) {
        Settings settings = TestDatabases.settings(engine, dataDir);
        Database database = Database.open(StorageConfig.from(settings));
        Vertx vertx = Vertx.vertx();
        ExecutorService blocking = Executors.newVirtualThreadPerTaskExecutor();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Router router = Router.router(vertx);
        router.route().handler(SessionHandler.create(LocalSessionStore.create(vertx)));
        router.get("/test/sign-in").handler(context -> {
            SignedInForTests.store(context.session(), new SignedIn(context.request().getParam("id"),
                    context.request().getParam("username"), Role.fromCode(context.request().getParam("role"))));
            context.response().end();
        });
        // As in DispatchModule.mount:
        Blocking jdbc = new Blocking(blocking);
        AuditTrail audit = new JooqAuditTrail(database.dsl());
        new TipRoutes(database.dsl(), audit, jdbc, vertx.eventBus(), registry, ZoneId.of(settings.string("time-zone")),
                Clock.systemUTC()).mount(router);
        new FollowUpRoutes(database.dsl(), jdbc, registry, ZoneId.of(settings.string("time-zone")),
                FollowUpRoutes.dueDays(settings), Clock.systemUTC()).mount(router, vertx);
        new PartnerRoutes(database.dsl(), jdbc).mount(router);
        new VoicemailRoutes(database.dsl(), audit, jdbc, voicemailDir, Clock.systemUTC()).mount(router);
        new GuidanceRoutes(database.dsl(), jdbc, Clock.systemUTC()).mount(router);
        new org.hotline.dispatch.escalation.DutyListRoutes(database.dsl(), audit, jdbc, vertx.eventBus(),
                Clock.systemUTC()).mount(router);
        new org.hotline.dispatch.callcontrol.CallControlRoutes(vertx.eventBus(), new JooqOperatorDirectory(
                database.dsl()), audit, jdbc, Clock.systemUTC(), true).mount(router);
        new org.hotline.dispatch.callcontrol.TransferDraftRoute(vertx.eventBus(), database.dsl(), jdbc).mount(router);
        new org.hotline.dispatch.hours.OpeningHoursRoutes(database.dsl(), jdbc, vertx.eventBus(),
                ZoneId.of(settings.string("time-zone")), Clock.systemUTC()).mount(router);
        new org.hotline.dispatch.people.PeopleRoutes(database.dsl(), jdbc, vertx.eventBus(), Clock.systemUTC())
                .mount(router);
        new org.hotline.dispatch.callback.CallbackSwitchRoutes(database.dsl(),
                org.hotline.core.callback.CallbackConfig.from(settings.with(java.util.Map.of("callback.enabled",
                        "true", "callback.languages", "ur"))), jdbc, Clock.systemUTC()).mount(router);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return new ApiServer(database, vertx, server, blocking, registry);
        } catch (Exception e) {
            vertx.close();
            database.close();
            throw new IllegalStateException("the test API server did not start", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public Vertx vertx() {
        return vertx;
    }

    public Database database() {
        return database;
    }

    public DSLContext dsl() {
        return database.dsl();
    }

    public SimpleMeterRegistry registry() {
        return registry;
    }

    /** A new person with this role, signed in on their own client. */
    public Person signIn(String username, Role role) {
        return signIn(username, role, Set.of(Language.DARI), false);
    }

    /** A new person speaking {@code languages}, perhaps working with an interpreter, signed in on their own client. */
    public Person signIn(String username, Role role, Set<Language> languages, boolean interpreter) {
        Operator operator = directory.add(new NewOperator(username, username, role, languages, interpreter,
                role == Role.OPERATOR ? "PJSIP/" + username : null), "no-password-in-tests");
        Client client = new Client(port());
        Client.Reply reply = client.get("/test/sign-in?id=" + operator.id() + "&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&role=" + role.code());
        String cookie = reply.response().headers().firstValue("set-cookie").orElseThrow();
        client.cookie(cookie.substring(0, cookie.indexOf(';')));
        return new Person(operator.id(), username, role, client);
    }

    /** A client with no session: nobody signed in. */
    public Client anonymous() {
        return new Client(port());
    }

    /** A call the operator took; returns its id. */
    public String callHandledBy(String operatorId) {
        String id = UUID.randomUUID().toString();
        dsl().insertInto(CALLS).set(CALLS.ID, id).set(CALLS.ASTERISK_UNIQUE_ID, "u-" + id)
                .set(CALLS.ENTERED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(CALLS.STEP, "ended")
                .set(CALLS.LANGUAGE_CODE, "prs").set(CALLS.PURPOSE, "report").set(CALLS.PRIORITY, "normal")
                .set(CALLS.OUTCOME, CallOutcome.ANSWERED.code()).set(CALLS.OPERATOR_ID, operatorId).execute();
        return id;
    }

    /** A call that left a voice message recorded as {@code reference}; returns its id. */
    public String voicemailCall(String reference) {
        return voicemailCall(reference, Language.DARI);
    }

    /** A call that left a voice message in {@code language}, recorded as {@code reference}; returns its id. */
    public String voicemailCall(String reference, Language language) {
        String id = UUID.randomUUID().toString();
        dsl().insertInto(CALLS).set(CALLS.ID, id).set(CALLS.ASTERISK_UNIQUE_ID, "u-" + id)
                .set(CALLS.ENTERED_AT, Instant.now().atOffset(ZoneOffset.UTC)).set(CALLS.STEP, "voicemail")
                .set(CALLS.LANGUAGE_CODE, language.code()).set(CALLS.PURPOSE, "help").set(CALLS.PRIORITY, "normal")
                .set(CALLS.OUTCOME, CallOutcome.VOICEMAIL.code())
                .set(CALLS.VOICEMAIL_REF, reference == null ? id + ".wav" : reference).execute();
        return id;
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing a test server: nothing useful to do about a slow close.
        } finally {
            blocking.close();
            database.close();
        }
    }

    /** A signed-in person and their browser. */
    public record Person(String id, String username, Role role, Client client) {
    }
}
