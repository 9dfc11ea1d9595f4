package org.hotline.dispatch.callcontrol;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.SupervisionRecord;
import org.hotline.dispatch.audit.AuditAction;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.AuditTrail;
import org.hotline.dispatch.operators.Operator;
import org.hotline.dispatch.operators.OperatorDirectory;
import org.hotline.dispatch.operators.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes what call control reports into the audit trail: each supervision session's start, mode changes and end
 * (who, which call, which mode, when), and both operators of a warm transfer, so the call's history shows them.
 */
public final class CallControlAudit {
    private static final Logger LOG = LoggerFactory.getLogger(CallControlAudit.class);

    private final AuditTrail audit;
    private final OperatorDirectory directory;
    private final Executor blocking;
    private final Clock clock;

    public CallControlAudit(AuditTrail audit, OperatorDirectory directory, Executor blocking, Clock clock) {
        this.audit = audit;
        this.directory = directory;
        this.blocking = blocking;
        this.clock = clock;
    }

    /** Starts listening; the consumers are returned so a caller can wait for their registration. */
    public List<MessageConsumer<JsonObject>> listen(Vertx vertx) {
        return List.of(
                vertx.eventBus().<JsonObject>consumer(BusAddresses.SUPERVISION, m -> {
                    SupervisionRecord r = SupervisionRecord.fromJson(m.body());
                    AuditAction action = r.ended() ? AuditAction.SUPERVISION_ENDED : switch (r.mode()) {
                        case LISTEN -> AuditAction.SUPERVISION_LISTEN;
                        case WHISPER -> AuditAction.SUPERVISION_WHISPER;
                        case BARGE -> AuditAction.SUPERVISION_BARGE;
                    };
                    write(r.supervisorId(), action, r.callId(), r.at());
                }),
                vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_OWNER_CHANGED, m -> {
                    CallOwnerChanged change = CallOwnerChanged.fromJson(m.body());
                    write(change.fromOperatorId(), AuditAction.CALL_TRANSFERRED, change.callId(), clock.instant());
                    write(change.toOperatorId(), AuditAction.CALL_TRANSFER_TAKEN, change.callId(), clock.instant());
                }));
    }

    private void write(String actorId, AuditAction action, String callId, java.time.Instant at) {
        blocking.execute(() -> {
            try {
                Role role = directory.byId(actorId).map(Operator::role).orElseThrow();
                audit.record(AuditEvent.by(at == null ? clock.instant() : at, actorId, role, action, callId));
            } catch (RuntimeException e) {
                LOG.error("Audit row {} for call {} by {} not written: {}", action.code(), callId, actorId,
                        e.toString());
            }
        });
    }
}
