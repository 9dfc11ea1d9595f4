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

    /**
     * Tells dispatch whether the caller took the assignment (only meaningful for ASSIGNED): taken, or the caller
     * is no longer held.
     */
    public void answer(boolean taken) {
        answer(taken ? HandOffReply.Answer.TAKEN : HandOffReply.Answer.CALLER_GONE);
    }

    /** Tells dispatch the assignment came after its deadline: the caller still holds and waits for another. */
    public void tooLate() {
        answer(HandOffReply.Answer.TOO_LATE);
    }

    private void answer(HandOffReply.Answer answer) {
        if (message.replyAddress() != null) {
            message.reply(new HandOffReply(answer).toJson());
        }
    }
}
