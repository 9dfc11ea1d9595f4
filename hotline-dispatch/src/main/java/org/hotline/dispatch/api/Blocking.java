package org.hotline.dispatch.api;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs blocking work (JDBC, file checks) on an executor of virtual threads, never on an event loop, and completes
 * the returned future back on the caller's Vert.x context, so handlers continue on their own event loop.
 */
public final class Blocking {
    private final Executor executor;

    /** @param executor where blocking work runs; dispatch passes its virtual-thread executor */
    public Blocking(Executor executor) {
        this.executor = executor;
    }

    /** Runs {@code work} off the event loop. Must be called from a Vert.x context (a request handler). */
    public <T> Future<T> run(Callable<T> work) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Blocking.run must be called on a Vert.x context");
        }
        Promise<T> promise = Promise.promise();
        try {
            executor.execute(() -> {
                try {
                    T result = work.call();
                    context.runOnContext(v -> promise.complete(result));
                } catch (Throwable e) {
                    context.runOnContext(v -> promise.fail(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // The executor is shut down: the server is stopping.
            promise.fail(e);
        }
        return promise.future();
    }
}
