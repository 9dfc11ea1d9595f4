package org.hotline.app.screen;

import static org.hotline.core.db.Tables.CALLS;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.hotline.app.run.Hotline;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;

/** Calls from the fake Asterisk for the browser tests: a Dari caller reporting a situation, and its hang-up. */
final class PhoneCalls {
    static final Duration CALL_LIMIT = Duration.ofSeconds(120);

    private PhoneCalls() {
    }

    /** A Dari caller who reports a situation and holds until an operator takes the call (or the limit). */
    static CompletableFuture<CallRecord> dariReport(Hotline hotline, String callerId) {
        return inBackground(FakeCall.builder("127.0.0.1", hotline.agiPort()).callerId(callerId)
                .pressDuringMenus('1', '2').build());
    }

    /** Runs the call on a virtual thread, up to the call limit; the future holds what the caller heard. */
    static CompletableFuture<CallRecord> inBackground(FakeCall fake) {
        CompletableFuture<CallRecord> call = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                call.complete(fake.run(CALL_LIMIT));
            } catch (RuntimeException e) {
                call.completeExceptionally(e);
            }
        });
        return call;
    }

    /** Our call id of a call the fake Asterisk placed. */
    static String callId(Hotline hotline, CallRecord record) {
        return hotline.database().dsl().select(CALLS.ID).from(CALLS)
                .where(CALLS.ASTERISK_UNIQUE_ID.eq(record.uniqueId())).fetchSingle(CALLS.ID);
    }

    /** The caller and the operator hang up: Asterisk runs the hangup handler, and the operator goes to wrap-up. */
    static void hangUp(Hotline hotline, CallRecord record) {
        FakeCall.builder("127.0.0.1", hotline.agiPort()).script("hotline-end").uniqueId(record.uniqueId())
                .variable("HOTLINE_CALL_ID", callId(hotline, record)).variable("DIALSTATUS", "ANSWER")
                .variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                .variable("HOTLINE_END_ENDED_MS", "1760000042000").build().run(CALL_LIMIT);
    }
}
