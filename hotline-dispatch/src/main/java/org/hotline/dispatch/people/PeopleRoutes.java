package org.hotline.dispatch.people;

import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.SessionsEnded;
import org.hotline.core.call.Language;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.JsonBody;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.StaticAssets;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * People administration, for admins only (managers and operators get 403; every change audited):
 * <ul>
 *   <li>{@code GET /api/people}: {@code {people: [...]}};</li>
 *   <li>{@code POST /api/people} {@code {username, displayName, role, languages, interpreter, endpoint, password?}}:
 *       201 with the person, and {@code password} when none was typed (made here, shown once);</li>
 *   <li>{@code POST /api/people/:id} {@code {displayName, languages, interpreter, endpoint}}: the new profile
 *       (routing reads it when the person next comes on the floor);</li>
 *   <li>{@code POST /api/people/:id/role} {@code {role}}, {@code POST /api/people/:id/password} {@code {password?}},
 *       {@code POST /api/people/:id/disable}, {@code POST /api/people/:id/enable};</li>
 *   <li>{@code GET /people}: the page.</li>
 * </ul>
 * Disabling, a role change and a password reset end the person's sessions and bridge sockets at once on every node
 * ({@link SessionsEnded}; for a password reset the admin's own session stays). An operator on the floor leaves it as
 * on sign-out. Passwords are never logged, audited or answered except the one made here, once.
 */
public final class PeopleRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(PeopleRoutes.class);
    private static final String WHAT = "People administration";
    private static final String NOT_SAVED = "The change could not be saved; try again.";

    private final People people;
    private final Blocking blocking;
    private final EventBus bus;

    public PeopleRoutes(DSLContext dsl, Blocking blocking, EventBus bus, Clock clock) {
        this.people = new People(dsl, clock);
        this.blocking = blocking;
        this.bus = bus;
    }

    /** Adds the routes; the session, body, CSRF and security handlers must already be on the router. */
    public void mount(Router router) {
        var admins = SignedIn.require(Role.ADMIN);
        var body = BodyHandler.create(false).setBodyLimit(8 * 1024);
        router.get("/api/people").handler(admins).handler(this::list);
        router.post("/api/people").handler(body).handler(admins).handler(this::add);
        router.post("/api/people/:id").handler(body).handler(admins).handler(this::edit);
        router.post("/api/people/:id/role").handler(body).handler(admins).handler(this::role);
        router.post("/api/people/:id/password").handler(body).handler(admins).handler(this::password);
        router.post("/api/people/:id/disable").handler(body).handler(admins).handler(c -> enabled(c, false));
        router.post("/api/people/:id/enable").handler(body).handler(admins).handler(c -> enabled(c, true));
        router.get("/people").handler(PageRefusal.require("people administration", Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "people.html"));
    }

    private void list(RoutingContext context) {
        blocking.run(people::all).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray list = new JsonArray();
            result.result().forEach(l -> list.add(json(l.person()).put("interfaceLanguage", l.interfaceLanguage())));
            Replies.json(context, 200, new JsonObject().put("people", list));
        });
    }

    private void add(RoutingContext context) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        PeopleForm.Addition addition;
        try {
            addition = PeopleForm.addition(JsonBody.required(context));
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, NOT_SAVED);
            return;
        }
        String made = addition.password() == null ? new String(GeneratedPassword.make()) : null;
        char[] password = (made != null ? made : addition.password()).toCharArray();
        blocking.run(() -> people.add(admin, addition, password)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), NOT_SAVED);
                return;
            }
            LOG.info("Person {} added by admin {}", result.result().id(), admin.operatorId());
            JsonObject body = new JsonObject().put("person", json(result.result()));
            if (made != null) {
                body.put("password", made);
            }
            Replies.json(context, 201, body);
        });
    }

    private void edit(RoutingContext context) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        JsonObject body;
        try {
            body = JsonBody.required(context);
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, NOT_SAVED);
            return;
        }
        String id = context.pathParam("id");
        change(context, () -> people.updateProfile(admin, id, role -> PeopleForm.profile(body, role)),
                "edited", null);
    }

    private void role(RoutingContext context) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        Role role;
        try {
            role = PeopleForm.role(JsonBody.required(context));
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, NOT_SAVED);
            return;
        }
        String id = context.pathParam("id");
        blocking.run(() -> people.setRole(admin, id, role)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), NOT_SAVED);
                return;
            }
            Operator[] beforeAfter = result.result();
            if (beforeAfter[0].role() != beforeAfter[1].role()) {
                LOG.info("Person {} given role {} by admin {}", id, role.code(), admin.operatorId());
                endSessions(id, null);
            }
            Replies.json(context, 200, new JsonObject().put("person", json(beforeAfter[1])));
        });
    }

    private void password(RoutingContext context) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        String typed;
        try {
            JsonObject body = JsonBody.optional(context);
            typed = PeopleForm.password(body == null ? new JsonObject() : body);
        } catch (ApiError e) {
            Replies.failure(context, WHAT, e, NOT_SAVED);
            return;
        }
        String made = typed == null ? new String(GeneratedPassword.make()) : null;
        char[] password = (made != null ? made : typed).toCharArray();
        String id = context.pathParam("id");
        // The admin resetting their own password stays signed in here; every other session of theirs ends.
        String keep = id.equals(admin.operatorId()) ? context.session().id() : null;
        blocking.run(() -> people.resetPassword(admin, id, password)).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), NOT_SAVED);
                return;
            }
            LOG.info("Password of person {} reset by admin {}", id, admin.operatorId());
            endSessions(id, keep);
            JsonObject body = new JsonObject().put("person", json(result.result()));
            if (made != null) {
                body.put("password", made);
            }
            Replies.json(context, 200, body);
        });
    }

    private void enabled(RoutingContext context, boolean enabled) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        String id = context.pathParam("id");
        change(context, () -> people.setEnabled(admin, id, enabled), enabled ? "enabled" : "disabled",
                enabled ? null : id);
    }

    /** Runs a change answering the person; {@code endSessionsOf} names whose sessions then end, or null. */
    private void change(RoutingContext context, Callable<Operator> write, String what, String endSessionsOf) {
        SignedIn admin = SignedIn.of(context).orElseThrow();
        blocking.run(write).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, WHAT, result.cause(), NOT_SAVED);
                return;
            }
            LOG.info("Person {} {} by admin {}", result.result().id(), what, admin.operatorId());
            if (endSessionsOf != null) {
                endSessions(endSessionsOf, null);
            }
            Replies.json(context, 200, new JsonObject().put("person", json(result.result())));
        });
    }

    private void endSessions(String operatorId, String keepSessionId) {
        bus.publish(BusAddresses.SESSIONS_ENDED, new SessionsEnded(operatorId, keepSessionId).toJson());
    }

    static JsonObject json(Operator person) {
        JsonArray languages = new JsonArray();
        person.languages().stream().map(Language::code).sorted().forEach(languages::add);
        return new JsonObject().put("id", person.id()).put("username", person.username())
                .put("displayName", person.displayName()).put("role", person.role().code())
                .put("languages", languages).put("interpreter", person.interpreter())
                .put("endpoint", person.endpoint()).put("enabled", person.enabled());
    }
}
