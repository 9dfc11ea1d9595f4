package org.hotline.agi.hold;

import java.time.Clock;
import org.hotline.agi.intake.HoldLine;
import org.hotline.agi.intake.HoldMessage;
import org.hotline.core.bus.HoldUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What dispatch has told one held call, read between prompts: the caller's position, and whether the call has been
 * assigned or refused. An assignment read after its {@code takeBy} is answered "too late" at once and the caller
 * keeps holding: dispatch has already given that operator back. One per hold; only the call's thread reads it.
 */
final class HoldInbox {
    private static final Logger LOG = LoggerFactory.getLogger(HoldInbox.class);

    private final HoldLine line;
    private final Clock clock;
    private int position;
    private HoldResult decision;

    HoldInbox(HoldLine line, Clock clock, int initialPosition) {
        this.line = line;
        this.clock = clock;
        this.position = initialPosition;
    }

    /** Reads every update that has arrived; true once dispatch has assigned, refused or sent the call to the on-call person. */
    boolean decided() {
        // Never poll past the deciding message: an assignment taken off the line here must be answered.
        while (decision == null) {
            var message = line.poll();
            if (message.isEmpty()) {
                break;
            }
            read(message.get());
        }
        return decision != null;
    }

    /** How the hold ends, once {@link #decided()}. */
    HoldResult decision() {
        return decision;
    }

    int position() {
        return position;
    }

    private void read(HoldMessage message) {
        HoldUpdate update = message.update();
        switch (update.type()) {
            case POSITION -> position = update.position();
            case ASSIGNED -> {
                if (update.expiredAt(clock.millis())) {
                    LOG.info("Declined an assignment read {} ms after its deadline; the caller keeps holding",
                            clock.millis() - update.takeBy());
                    message.tooLate();
                } else {
                    decision = new HoldResult(HoldResult.Kind.ASSIGNED, message, null);
                }
            }
            case REFUSED -> decision = new HoldResult(HoldResult.Kind.REFUSED, null, update.reason());
            case ON_CALL -> decision = HoldResult.of(HoldResult.Kind.ON_CALL);
        }
    }
}
