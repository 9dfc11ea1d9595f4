package org.hotline.dispatch.callcontrol;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallControlReply;
import org.hotline.core.bus.CallControlReply.Problem;
import org.hotline.core.bus.CallControlRequest;
import org.hotline.core.bus.CallControlRequest.Command;
import org.hotline.core.bus.LiveCalls;
import org.hotline.core.bus.SupervisionMode;
import org.hotline.core.id.Ids;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;

/**
 * The screen's call-control API. Checks who asks, looks their phone (and the colleague's) up, and asks call
 * control (hotline-callcontrol) over the bus; answers with a problem code the screen translates.
 * <ul>
 *   <li>{@code GET /api/callcontrol}: whether call control works now (and, for managers, the live calls);</li>
 *   <li>{@code GET /api/callcontrol/colleagues}: who a call can go to (languages, supervisors, interpreters);</li>
 *   <li>{@code POST /api/callcontrol/{transfer,transfer/complete,transfer/cancel,interpreter,interpreter/remove}}:
 *       operators, on their own call;</li>
 *   <li>{@code POST /api/callcontrol/{supervise,supervise/end}}: managers and admins; anyone else gets 403 and
 *       the attempt is audited.</li>
 * </ul>
 */
public final class CallControlRoutes {
    /** Longer than call control's own AMI timeout, so its "timeout" answer arrives before ours would. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(30);

    private final EventBus bus;
    private final OperatorDirectory directory;
    private final AuditTrail audit;
    private final Blocking blocking;
    private final Clock clock;
    private final boolean showSupervisor;

    public CallControlRoutes(EventBus bus, OperatorDirectory directory, AuditTrail audit, Blocking blocking,
                             Clock clock, boolean showSupervisor) {
        this.bus = bus;
        this.directory = directory;
        this.audit = audit;
        this.blocking = blocking;
        this.clock = clock;
        this.showSupervisor = showSupervisor;
    }

    /** Adds the routes; the session handler must already be on the router. */
    public void mount(Router router) {
        BodyHandler body = BodyHandler.create().setBodyLimit(4096);
        router.get("/api/callcontrol").handler(SignedIn.require(Role.values())).handler(this::status);
        router.get("/api/callcontrol/colleagues").handler(SignedIn.require(Role.OPERATOR)).handler(this::colleagues);
        operatorRoute(router, body, "transfer", Command.TRANSFER);
        operatorRoute(router, body, "transfer/complete", Command.TRANSFER_COMPLETE);
        operatorRoute(router, body, "transfer/cancel", Command.TRANSFER_CANCEL);
        operatorRoute(router, body, "interpreter", Command.INTERPRETER_ADD);
        operatorRoute(router, body, "interpreter/remove", Command.INTERPRETER_REMOVE);
        router.post("/api/callcontrol/supervise").handler(body).handler(SignedIn.require(Role.values()))
                .handler(c -> supervise(c, Command.SUPERVISE));
        router.post("/api/callcontrol/supervise/end").handler(body).handler(SignedIn.require(Role.values()))
                .handler(c -> supervise(c, Command.SUPERVISE_END));
    }

    private void operatorRoute(Router router, BodyHandler body, String path, Command command) {
        router.post("/api/callcontrol/" + path).handler(body).handler(SignedIn.require(Role.OPERATOR))
                .handler(c -> operatorCommand(c, command));
    }

    private void status(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        bus.<JsonObject>request(BusAddresses.LIVE_CALLS_NOW, new JsonObject(), options()).onComplete(reply -> {
            LiveCalls live = reply.succeeded() ? LiveCalls.fromJson(reply.result().body())
                    : new LiveCalls(false, java.util.List.of());
            JsonObject body = new JsonObject().put("available", live.available()).put("showSupervisor", showSupervisor);
            if (who.role().canManage()) {
                body.put("calls", live.toJson().getJsonArray("calls"));
            }
            Replies.json(context, 200, body);
        });
    }

    private void colleagues(RoutingContext context) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        blocking.run(directory::all).onComplete(all -> {
            if (all.failed()) {
                Replies.failure(context, "listing colleagues", all.cause(), Replies.UNAVAILABLE);
                return;
            }
            JsonArray out = new JsonArray();
            for (Operator o : all.result()) {
                if (o.takesCalls() && !o.id().equals(who.operatorId())) {
                    out.add(new JsonObject().put("id", o.id()).put("name", o.displayName())
                            .put("supervisor", o.role().canManage()).put("interpreter", o.interpreter())
                            .put("languages", new JsonArray(o.languages().stream().map(l -> l.code()).sorted()
                                    .toList())));
                }
            }
            Replies.json(context, 200, out);
        });
    }

    private void operatorCommand(RoutingContext context, Command command) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        JsonObject body = body(context);
        String callId = id(body, "callId");
        String target = command == Command.TRANSFER || command == Command.INTERPRETER_ADD ? id(body, "to") : null;
        if (callId == null || (target == null
                && (command == Command.TRANSFER || command == Command.INTERPRETER_ADD))) {
            Replies.error(context, 400, "bad-request", callId == null ? "callId" : "to");
            return;
        }
        blocking.run(() -> new Operator[] {directory.byId(who.operatorId()).orElse(null),
                target == null ? null : directory.byId(target).filter(Operator::takesCalls).orElse(null)})
                .onComplete(found -> {
                    if (found.failed()) {
                        Replies.failure(context, "call control", found.cause(), Replies.UNAVAILABLE);
                        return;
                    }
                    Operator me = found.result()[0];
                    Operator other = found.result()[1];
                    if (me == null || me.endpoint() == null || (target != null && other == null)) {
                        answer(context, CallControlReply.failed(Problem.NO_ENDPOINT));
                        return;
                    }
                    ask(new CallControlRequest(command, callId, me.id(), me.endpoint(), target,
                            other == null ? null : other.endpoint(), null)).onComplete(r -> answer(context, r.result()));
                });
    }

    private void supervise(RoutingContext context, Command command) {
        SignedIn who = SignedIn.of(context).orElseThrow();
        JsonObject body = body(context);
        String callId = id(body, "callId");
        if (callId == null) {
            Replies.error(context, 400, "bad-request", "callId");
            return;
        }
        if (!who.role().canManage()) {
            // Refused, and the attempt kept: someone tried to listen in on a call.
            blocking.run(() -> {
                audit.record(AuditEvent.by(clock.instant(), who.operatorId(), who.role(),
                        AuditAction.SUPERVISION_REFUSED, callId));
                return null;
            }).onComplete(done -> Replies.error(context, 403, "forbidden", null));
            return;
        }
        SupervisionMode mode;
        try {
            mode = command == Command.SUPERVISE ? SupervisionMode.fromCode(body.getString("mode", "")) : null;
        } catch (IllegalArgumentException e) {
            Replies.error(context, 400, "bad-request", "mode");
            return;
        }
        blocking.run(() -> directory.byId(who.operatorId()).orElse(null)).onComplete(found -> {
            Operator me = found.succeeded() ? found.result() : null;
            if (me == null || me.endpoint() == null || me.endpoint().isBlank()) {
                answer(context, CallControlReply.failed(Problem.NO_ENDPOINT));
                return;
            }
            ask(new CallControlRequest(command, callId, me.id(), me.endpoint(), null, null, mode))
                    .onComplete(r -> answer(context, r.result()));
        });
    }

    /** Never fails: no call control deployed, or no answer, is "unavailable". */
    private Future<CallControlReply> ask(CallControlRequest request) {
        return bus.<JsonObject>request(BusAddresses.CALL_CONTROL, request.toJson(), options())
                .map(m -> CallControlReply.fromJson(m.body()))
                .otherwise(CallControlReply.failed(Problem.UNAVAILABLE));
    }

    private static void answer(RoutingContext context, CallControlReply reply) {
        if (reply.ok()) {
            Replies.json(context, 200, new JsonObject().put("ok", true));
            return;
        }
        int status = switch (reply.problem()) {
            case UNAVAILABLE -> 503;
            case TIMEOUT -> 504;
            case REFUSED -> 502;
            case NO_SUCH_CALL -> 404;
            case NOT_ON_CALL, WRONG_STATE -> 409;
            case NO_ENDPOINT -> 422;
        };
        // "error" too: the screen's api.js reads the code from there.
        Replies.json(context, status, new JsonObject().put("ok", false).put("problem", reply.problem().code())
                .put("error", reply.problem().code()));
    }

    private DeliveryOptions options() {
        return new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT.toMillis());
    }

    private static JsonObject body(RoutingContext context) {
        try {
            JsonObject json = context.body().asJsonObject();
            return json == null ? new JsonObject() : json;
        } catch (RuntimeException e) {
            return new JsonObject();
        }
    }

    private static String id(JsonObject body, String field) {
        Object value = body.getValue(field);
        return value instanceof String s && s.toLowerCase(Locale.ROOT).matches(Ids.UUID) ? s : null;
    }
}
