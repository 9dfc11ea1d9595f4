package org.hotline.dispatch.routing;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.ScreenMessage.CallCard;
import org.hotline.core.call.Priority;

/** A call in the queue. Mutable; owned by the {@link CallQueue}. */
final class WaitingCall {
    final CallIntake intake;
    final Instant queuedAt;
    final long sequence;
    final Set<String> declinedBy = new HashSet<>();
    String offeredTo;
    /** Escalated for waiting too long: never twice for one call. */
    boolean escalated;
    /** When its IVR last sent the intake. */
    Instant lastHeard;
    /**
     * The opaque id of the kept number when the caller accepted a callback and hung up: the call keeps its place
     * with no IVR re-sending it, and whoever takes it calls the caller back. Null for a caller on the line.
     */
    String callbackId;

    WaitingCall(CallIntake intake, Instant queuedAt, long sequence) {
        this.intake = intake;
        this.queuedAt = queuedAt;
        this.sequence = sequence;
    }

    String id() {
        return intake.callId();
    }

    boolean emergency() {
        return intake.priority() == Priority.EMERGENCY;
    }

    CallCard card() {
        return new CallCard(intake.callId(), intake.language().code(), intake.purpose().code(),
                intake.priority().code(), queuedAt.toEpochMilli(), callbackId != null);
    }
}
