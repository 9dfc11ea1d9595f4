package org.hotline.agi.intake;

import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.hotline.core.bus.HoldUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held call's own inbox on the event bus. The bus delivers on an event loop; the IVR's virtual thread picks
 * updates up between hold commands. Closing it unregisters the address and declines any assignment that
 * arrived too late, so dispatch can give the operator the next call.
 */
public final class HoldLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HoldLine.class);

    private final BlockingQueue<HoldMessage> inbox = new LinkedBlockingQueue<>();
    private final MessageConsumer<JsonObject> consumer;

    HoldLine(MessageConsumer<JsonObject> consumer) {
        this.consumer = consumer;
        consumer.handler(message -> {
            try {
                inbox.add(new HoldMessage(HoldUpdate.fromJson(message.body()), message));
            } catch (RuntimeException e) {
                LOG.warn("Ignored a malformed hold update: {}", e.getMessage());
                message.fail(400, "malformed hold update");
            }
        });
    }

    /** The next update, if one has arrived. */
    public Optional<HoldMessage> poll() {
        return Optional.ofNullable(inbox.poll());
    }

    @Override
    public void close() {
        consumer.unregister();
        HoldMessage late;
        while ((late = inbox.poll()) != null) {
            if (late.update().type() == HoldUpdate.Type.ASSIGNED) {
                late.answer(false);
            }
        }
    }
}
