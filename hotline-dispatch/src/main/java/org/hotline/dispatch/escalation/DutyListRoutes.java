package org.hotline.dispatch.escalation;

import static org.hotline.core.db.Tables.DUTY_LIST;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hotline.core.bus.BusAddresses;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.PageRefusal;
import org.hotline.dispatch.screen.SignedIn;
import org.hotline.dispatch.screen.StaticAssets;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The on-call duty list (issue 16), for managers only:
 * <ul>
 *   <li>{@code GET /api/duty-list}: the people in paging order, with their duty phones;</li>
 *   <li>{@code PUT /api/duty-list} {@code {people: [{name, phone}]}}: the whole list replaced, audited
 *       ({@code duty-list-changed});</li>
 *   <li>{@code GET /api/escalations}: the escalations going on now (no phones: names only);</li>
 *   <li>{@code GET /duty-list}: the page.</li>
 * </ul>
 * Anyone else signed in gets 403, and the refusal is audited ({@code duty-list-refused}): duty phones are staff
 * data that only managers see. The numbers are never logged; log lines say how many people, not who.
 */
public final class DutyListRoutes {
    static final int MAX_PEOPLE = 20;
    static final String SUBJECT = "on-call";
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{3,20}");
    private static final Logger LOG = LoggerFactory.getLogger(DutyListRoutes.class);

    private final DSLContext db;
    private final AuditTrail audit;
    private final Blocking blocking;
    private final EventBus bus;
    private final Clock clock;

    public DutyListRoutes(DSLContext db, AuditTrail audit, Blocking blocking, EventBus bus, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.blocking = blocking;
        this.bus = bus;
        this.clock = clock;
    }

    /** Adds the routes; the session handler must already be on the router. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
        router.get("/api/duty-list").handler(SignedIn.require(Role.values())).handler(this::read);
        router.put("/api/duty-list").handler(body).handler(SignedIn.require(Role.values())).handler(this::replace);
        router.get("/api/escalations").handler(SignedIn.require(Role.MANAGER, Role.ADMIN)).handler(this::escalations);
        router.get("/duty-list").handler(PageRefusal.require("the on-call duty list", Role.MANAGER, Role.ADMIN))
                .handler(context -> StaticAssets.shared().sendPage(context, "duty-list.html"));
    }

    /** Managers pass; anyone else is refused with 403, and the refusal is audited first. */
    private Optional<SignedIn> manager(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        if (who.role().canManage()) {
            return Optional.of(who);
        }
        blocking.run(() -> {
            audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), AuditAction.DUTY_LIST_REFUSED,
                    SUBJECT));
            return null;
        }).onComplete(done -> Replies.error(context, 403, "Only managers can see the duty list.", null));
        return Optional.empty();
    }

    private void read(RoutingContext context) {
        if (manager(context).isEmpty()) {
            return;
        }
        blocking.run(this::people).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Duty list", result.cause(), Replies.UNAVAILABLE);
                return;
            }
            Replies.json(context, 200, new JsonObject().put("people", result.result()));
        });
    }

    private void replace(RoutingContext context) {
        Optional<SignedIn> manager = manager(context);
        if (manager.isEmpty()) {
            return;
        }
        SignedIn who = manager.get();
        List<String[]> people;
        try {
            people = parse(context);
        } catch (ApiError e) {
            Replies.failure(context, "Duty list", e, Replies.UNAVAILABLE);
            return;
        }
        blocking.run(() -> {
            db.transaction(tx -> {
                DSLContext t = tx.dsl();
                t.deleteFrom(DUTY_LIST).execute();
                int position = 0;
                for (String[] person : people) {
                    t.insertInto(DUTY_LIST).set(DUTY_LIST.ID, UUID.randomUUID().toString())
                            .set(DUTY_LIST.POSITION, position++).set(DUTY_LIST.NAME, person[0])
                            .set(DUTY_LIST.DUTY_PHONE, person[1]).execute();
                }
            });
            audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(), AuditAction.DUTY_LIST_CHANGED,
                    SUBJECT));
            return people();
        }).onComplete(result -> {
            if (result.failed()) {
                Replies.failure(context, "Duty list", result.cause(),
                        "The duty list could not be saved; nothing changed — try again.");
                return;
            }
            LOG.info("Duty list replaced by {}: {} people", who.username(), people.size());
            Replies.json(context, 200, new JsonObject().put("people", result.result()));
        });
    }

    private void escalations(RoutingContext context) {
        bus.<JsonObject>request(BusAddresses.ESCALATIONS_NOW, new JsonObject(), new DeliveryOptions()
                .setSendTimeout(5_000)).onComplete(reply -> Replies.json(context, 200, reply.succeeded()
                ? reply.result().body().put("available", true)
                : new JsonObject().put("available", false).put("escalations", new JsonArray())));
    }

    private JsonArray people() {
        JsonArray out = new JsonArray();
        db.select(DUTY_LIST.ID, DUTY_LIST.NAME, DUTY_LIST.DUTY_PHONE).from(DUTY_LIST).orderBy(DUTY_LIST.POSITION)
                .forEach(r -> out.add(new JsonObject().put("id", r.value1()).put("name", r.value2())
                        .put("phone", r.value3())));
        return out;
    }

    private static List<String[]> parse(RoutingContext context) {
        JsonArray list;
        try {
            JsonObject json = context.body().asJsonObject();
            list = json == null ? null : json.getJsonArray("people");
        } catch (DecodeException | ClassCastException e) {
            list = null;
        }
        if (list == null) {
            throw ApiError.badRequest("people", "Send the list of people.");
        }
        if (list.size() > MAX_PEOPLE) {
            throw ApiError.badRequest("people", "At most " + MAX_PEOPLE + " people can be on the duty list.");
        }
        List<String[]> people = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.getValue(i) instanceof JsonObject person)
                    || !(person.getValue("name") instanceof String name) || name.isBlank() || name.strip().length() > 80) {
                throw ApiError.badRequest("people", "Person " + (i + 1) + ": write a name of at most 80 characters.");
            }
            String phone = person.getValue("phone") instanceof String p ? p.replaceAll("[\\s\\-()]", "") : "";
            if (!PHONE.matcher(phone).matches()) {
                throw ApiError.badRequest("people", "Person " + (i + 1) + " (" + name.strip()
                        + "): the duty phone must be a number, digits with an optional leading +.");
            }
            people.add(new String[] {name.strip(), phone});
        }
        return people;
    }

}
