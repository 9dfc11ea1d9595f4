package org.hotline.agi.call;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.CallbackResult;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.CallStep;
import org.hotline.core.callback.CallbackVault;
import org.hotline.core.steplog.StepRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records how each accepted callback ended on its call, through the same step log and journal writer as the
 * IVR's own steps: connected is {@code answered}, failed or expired is {@code callback-failed} at step
 * {@code callback-requested}. It also destroys, every {@code callback.sweep-interval}, each number whose retention
 * ran out while its callback was still pending, records that attempt on the call and publishes the
 * {@link CallbackResult.Result#EXPIRED} result so dispatch drops the request from the queue.
 */
public final class CallbackOutcomes implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CallbackOutcomes.class);

    private final IvrServices ivr;
    private final CallbackVault vault;
    private final Vertx vertx;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final MessageConsumer<JsonObject> results;
    private final long sweeper;

    private CallbackOutcomes(IvrServices ivr, CallbackVault vault, Vertx vertx, Duration sweepInterval) {
        this.ivr = ivr;
        this.vault = vault;
        this.vertx = vertx;
        this.results = vertx.eventBus().consumer(BusAddresses.CALLBACK_RESULT,
                m -> threads.execute(() -> record(CallbackResult.fromJson(m.body()))));
        this.sweeper = vertx.setPeriodic(sweepInterval.toMillis(), id -> threads.execute(this::sweep));
    }

    /** Starts listening for results and sweeping expired numbers. */
    public static CallbackOutcomes start(IvrServices ivr, CallbackVault vault, Vertx vertx, Duration sweepInterval) {
        CallbackOutcomes outcomes = new CallbackOutcomes(ivr, vault, vertx, sweepInterval);
        outcomes.results.completion().toCompletionStage().toCompletableFuture().join();
        return outcomes;
    }

    private void record(CallbackResult result) {
        CallOutcome outcome = switch (result.result()) {
            case CONNECTED -> CallOutcome.ANSWERED;
            case FAILED, EXPIRED -> CallOutcome.CALLBACK_FAILED;
            // Nothing was dialled and the number is kept: the callback can still be made.
            case OPERATOR_UNREACHABLE, UNAVAILABLE -> null;
        };
        if (outcome == null) {
            return;
        }
        Instant now = ivr.clock().instant();
        new CallRecorder(ivr, result.callId()).write("the callback's outcome",
                new StepRecord.Outcome(result.callId(), outcome, CallStep.CALLBACK_REQUESTED, now));
    }

    /** Destroys every number past its retention; each one's call gets its outcome and dispatch hears of it. */
    void sweep() {
        try {
            for (CallbackVault.Expired expired : vault.destroyExpired(ivr.clock().instant())) {
                LOG.info("Callback {} expired before it was made; its number is destroyed", expired.id());
                if (expired.callId() != null) {
                    vertx.eventBus().publish(BusAddresses.CALLBACK_RESULT, new CallbackResult(expired.callId(),
                            expired.id().value(), CallbackResult.Result.EXPIRED, 0, 0).toJson());
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("The callback retention sweep failed ({}); it runs again", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        vertx.cancelTimer(sweeper);
        results.unregister();
        threads.shutdown();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
