package org.hotline.agi.intake;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.bus.HoldUpdate;

/** One update from dispatch to a held call, with the means to answer an assignment. */
public final class HoldMessage {
    private final HoldUpdate update;
    private final Message<JsonObject> message;

    HoldMessage(HoldUpdate update, Message<JsonObject> message) {
        this.update = update;
        this.message = message;
    }

    public HoldUpdate update() {
        return update;
    }

    /** Tells dispatch whether the caller took the assignment (only meaningful for ASSIGNED). */
    public void answer(boolean taken) {
        if (message.replyAddress() != null) {
            message.reply(new HandOffReply(taken).toJson());
        }
    }
}
