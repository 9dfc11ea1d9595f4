package org.hotline.simulator;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** How one call of {@link FakeAsterisk#runAll} ended: with a {@link CallRecord}, or with a failure. */
public final class CallOutcome {
    private final FakeCall call;
    private final CallRecord record;
    private final Throwable failure;

    private CallOutcome(FakeCall call, CallRecord record, Throwable failure) {
        this.call = call;
        this.record = record;
        this.failure = failure;
    }

    static CallOutcome succeeded(FakeCall call, CallRecord record) {
        return new CallOutcome(call, record, null);
    }

    static CallOutcome failed(FakeCall call, Throwable failure) {
        return new CallOutcome(call, null, failure);
    }

    /** Waits up to {@code wait} for a running call; a call that outlives it is cancelled and counts as failed. */
    static CallOutcome await(FakeCall call, Future<CallRecord> future, Duration wait) {
        try {
            return succeeded(call, future.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException e) {
            return failed(call, e.getCause());
        } catch (TimeoutException e) {
            future.cancel(true);
            return failed(call, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return failed(call, e);
        }
    }

    public FakeCall call() {
        return call;
    }

    /** Whether the call ran to its end (whatever the server did) rather than failing or timing out. */
    public boolean succeeded() {
        return failure == null;
    }

    /**
     * The call's record.
     *
     * @throws IllegalStateException if the call failed; the failure is its cause
     */
    public CallRecord record() {
        if (failure != null) {
            throw new IllegalStateException(call + " failed", failure);
        }
        return record;
    }

    /** Why the call failed: usually a {@link FakeCallException} or {@link FakeCallTimeoutException}. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public String toString() {
        return succeeded() ? record.toString() : call + " failed: " + failure;
    }
}
