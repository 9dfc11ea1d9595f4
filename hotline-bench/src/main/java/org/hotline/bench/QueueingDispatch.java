package org.hotline.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.hotline.core.bus.BusAddresses;
import org.hotline.core.bus.IntakeReply;

/**
 * Dispatch with nobody on duty yet willing to queue: every intake is queued at the next position and never
 * assigned, so every caller stays in hold. It runs on the event loop, like the real dispatch consumer. The warm-up
 * callers who hang up in hold are "left" notices, which it takes and ignores.
 */
final class QueueingDispatch {
    private QueueingDispatch() {
    }

    static void register(Vertx vertx) {
        int[] queued = {0};
        vertx.eventBus().<JsonObject>consumer(BusAddresses.INTAKE,
                        message -> message.reply(IntakeReply.queuedAt(++queued[0]).toJson()))
                .completion().toCompletionStage().toCompletableFuture().join();
        // Dispatch listens for callers leaving the queue; without a listener the bus fails each notice.
        vertx.eventBus().<JsonObject>consumer(BusAddresses.CALL_LEFT, message -> { })
                .completion().toCompletionStage().toCompletableFuture().join();
    }
}
