package org.hotline.agi.intake;

/** Dispatch did not answer an intake (no consumer, timeout, failure); the caller goes to the fallback queue. */
public final class DispatchUnavailable extends Exception {
    public DispatchUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
