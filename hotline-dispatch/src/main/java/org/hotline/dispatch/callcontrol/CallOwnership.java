package org.hotline.dispatch.callcontrol;

import static org.hotline.core.db.Tables.CALLS;
import static org.hotline.core.db.Tables.TIP_DRAFTS;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Executor;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallOwnerChanged;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A warm transfer moves the call to the colleague in the database too, so the tip (whose author must be the
 * call's operator) is theirs to save, and no longer the first operator's. The first operator's draft of the tip
 * moves with it, in the same transaction: the colleague's screen opens it, and nothing is written twice. The audit trail keeps both
 * ({@link CallControlAudit}). Only a call still the first operator's moves: a late or repeated message changes
 * nothing.
 */
public final class CallOwnership {
    private static final Logger LOG = LoggerFactory.getLogger(CallOwnership.class);

    private final DSLContext dsl;
    private final Executor blocking;

    public CallOwnership(DSLContext dsl, Executor blocking) {
        this.dsl = dsl;
        this.blocking = blocking;
    }

    public MessageConsumer<JsonObject> listen(Vertx vertx) {
        return vertx.eventBus().consumer(BusAddresses.CALL_OWNER_CHANGED, m -> {
            CallOwnerChanged change = CallOwnerChanged.fromJson(m.body());
            blocking.execute(() -> {
                if (move(change)) {
                    vertx.eventBus().publish(BusAddresses.CALL_OWNER_STORED, change.toJson());
                }
            });
        });
    }

    /** Whether the call (and its draft) moved to the colleague. */
    private boolean move(CallOwnerChanged change) {
        try {
            int moved = dsl.transactionResult(tx -> {
                int calls = tx.dsl().update(CALLS).set(CALLS.OPERATOR_ID, change.toOperatorId())
                        .where(CALLS.ID.eq(change.callId())).and(CALLS.OPERATOR_ID.eq(change.fromOperatorId()))
                        .execute();
                if (calls > 0) {
                    // A draft the colleague started while listening in would clash: the first operator's notes win.
                    tx.dsl().deleteFrom(TIP_DRAFTS).where(TIP_DRAFTS.CALL_ID.eq(change.callId()))
                            .and(TIP_DRAFTS.OPERATOR_ID.eq(change.toOperatorId())).execute();
                    tx.dsl().update(TIP_DRAFTS).set(TIP_DRAFTS.OPERATOR_ID, change.toOperatorId())
                            .where(TIP_DRAFTS.CALL_ID.eq(change.callId()))
                            .and(TIP_DRAFTS.OPERATOR_ID.eq(change.fromOperatorId())).execute();
                }
                return calls;
            });
            if (moved == 0) {
                LOG.warn("Call {} was not {}'s when its transfer completed; its operator is unchanged",
                        change.callId(), change.fromOperatorId());
            }
            return moved > 0;
        } catch (RuntimeException e) {
            LOG.error("Call {} could not be moved to its new operator: {}", change.callId(), e.toString());
            return false;
        }
    }
}
