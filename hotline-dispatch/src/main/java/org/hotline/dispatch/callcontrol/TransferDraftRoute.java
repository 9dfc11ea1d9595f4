package org.hotline.dispatch.callcontrol;

import static org.hotline.core.db.Tables.TIP_DRAFTS;

import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Optional;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.LiveCalls;
import org.hotline.dispatch.api.ApiError;
import org.hotline.dispatch.api.Blocking;
import org.hotline.dispatch.api.Replies;
import org.hotline.dispatch.operators.Role;
import org.hotline.dispatch.screen.SignedIn;
import org.jooq.DSLContext;

/**
 * {@code GET /api/callcontrol/transfer-draft/:callId}: the colleague a warm transfer is offered to reads the first
 * operator's notes before they talk, so the caller need not tell their story twice. Only while call control names
 * them as the transfer's target; read only (the draft becomes theirs when the transfer completes).
 */
public final class TransferDraftRoute {
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final EventBus bus;
    private final DSLContext dsl;
    private final Blocking blocking;

    public TransferDraftRoute(EventBus bus, DSLContext dsl, Blocking blocking) {
        this.bus = bus;
        this.dsl = dsl;
        this.blocking = blocking;
    }

    /** Adds the route; the session handler must already be on the router. */
    public void mount(Router router) {
        router.get("/api/callcontrol/transfer-draft/:callId").handler(SignedIn.require(Role.OPERATOR))
                .handler(this::read);
    }

    private void read(RoutingContext context) {
        String me = SignedIn.of(context).orElseThrow().operatorId();
        String callId = context.pathParam("callId");
        bus.<JsonObject>request(BusAddresses.LIVE_CALLS_NOW, new JsonObject(),
                new DeliveryOptions().setSendTimeout(REPLY_TIMEOUT.toMillis())).onComplete(reply -> {
                    Optional<LiveCalls.Call> call = reply.failed() ? Optional.empty()
                            : LiveCalls.fromJson(reply.result().body()).calls().stream()
                                    .filter(c -> c.callId().equals(callId) && me.equals(c.transferTo())).findFirst();
                    if (call.isEmpty()) {
                        Replies.failure(context, "Reading a transfer's notes", ApiError.forbidden(
                                "Only the colleague a call is being transferred to can read its notes."), null);
                        return;
                    }
                    String owner = call.get().operatorId();
                    blocking.run(() -> dsl.select(TIP_DRAFTS.CONTENT).from(TIP_DRAFTS)
                            .where(TIP_DRAFTS.CALL_ID.eq(callId)).and(TIP_DRAFTS.OPERATOR_ID.eq(owner))
                            .fetchOptional(TIP_DRAFTS.CONTENT)).onComplete(found -> {
                                if (found.failed()) {
                                    Replies.failure(context, "Reading a transfer's notes", found.cause(),
                                            Replies.UNAVAILABLE);
                                    return;
                                }
                                Replies.json(context, 200, new JsonObject().put("callId", callId).put("draft",
                                        found.result().map(JsonObject::new).orElse(null)));
                            });
                });
    }
}
