package org.hotline.agi.intake;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallEnded;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.bus.CallLeft;
import org.hotline.core.bus.CallbackRequested;
import org.hotline.core.bus.IntakeReply;

/**
 * The IVR's side of the event bus. Blocking methods are for the IVR's virtual threads; the bus itself is
 * never blocked.
 */
public final class DispatchClient {
    private static final String NO_HANDLERS = ReplyFailure.NO_HANDLERS.name();
    private static final Duration NO_OWNER_RETRY = Duration.ofMillis(250);
    private final Vertx vertx;
    private final Duration intakeTimeout;

    public DispatchClient(Vertx vertx, Duration intakeTimeout) {
        this.vertx = vertx;
        this.intakeTimeout = intakeTimeout;
    }

    /** Opens the call's inbox. Do this before {@link #submit}, so no update can arrive unheard. */
    public HoldLine open(String callId) {
        return new HoldLine(vertx.eventBus().consumer(BusAddresses.ivrCall(callId)));
    }

    /**
     * Sends the intake and waits for dispatch's answer. With no routing owner on the bus (in a cluster, one is
     * taking over) it tries again until the intake timeout has passed.
     */
    public IntakeReply submit(CallIntake intake) throws DispatchUnavailable {
        long deadline = System.nanoTime() + intakeTimeout.toNanos();
        while (true) {
            try {
                return submitOnce(intake, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000)));
            } catch (DispatchUnavailable e) {
                if (!NO_HANDLERS.equals(e.getMessage()) || System.nanoTime() + NO_OWNER_RETRY.toNanos() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    /**
     * Reminds dispatch that the caller still waits, without waiting for an answer. The routing owner ignores it
     * for a call it already queues or has settled; a new owner queues the call again with its original time.
     */
    public void reaffirm(CallIntake intake) {
        vertx.eventBus().send(BusAddresses.INTAKE, intake.toJson());
    }

    /** Tells dispatch a queued caller accepted a callback: only the call id and the opaque callback id travel. */
    public void callbackRequested(CallbackRequested request) {
        vertx.eventBus().publish(BusAddresses.CALLBACK_REQUESTED, request.toJson());
    }

    private IntakeReply submitOnce(CallIntake intake, Duration timeout) throws DispatchUnavailable {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeout.toMillis());
        try {
            var reply = vertx.eventBus().<JsonObject>request(BusAddresses.INTAKE, intake.toJson(), options)
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            return IntakeReply.fromJson(reply.body());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ReplyException reply) {
                throw new DispatchUnavailable(reply.failureType().name());
            }
            throw new DispatchUnavailable(e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            throw new DispatchUnavailable("TIMEOUT");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DispatchUnavailable("INTERRUPTED");
        } catch (RuntimeException e) {
            throw new DispatchUnavailable("MALFORMED_REPLY");
        }
    }

    private static void pause() throws DispatchUnavailable {
        try {
            Thread.sleep(NO_OWNER_RETRY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DispatchUnavailable("INTERRUPTED");
        }
    }

    /** Tells dispatch a queued caller left before any hand-off. */
    /** Someone in danger reached the closed path: the on-call duty list must be paged. Ids only. */
    public void escalate(org.hotline.core.bus.EscalationNeeded needed) {
        vertx.eventBus().publish(BusAddresses.ESCALATION_NEEDED, needed.toJson());
    }

    public void left(CallLeft left) {
        vertx.eventBus().publish(BusAddresses.CALL_LEFT, left.toJson());
    }

    /** Tells dispatch a call is over. */
    public void ended(CallEnded ended) {
        vertx.eventBus().publish(BusAddresses.CALL_ENDED, ended.toJson());
    }
}
