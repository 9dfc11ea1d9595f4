package org.hotline.core.bus;

/**
 * Every event-bus address Hotline uses, declared once. Senders, consumers, the browser bridge's permissions
 * and the tests all take their addresses from here; no address string is written anywhere else.
 */
public final class BusAddresses {
    /** IVR → dispatch, request/reply: a {@link CallIntake}; the reply is an {@link IntakeReply}. */
    public static final String INTAKE = "hotline.dispatch.intake";
    /** IVR → dispatch, publish: a {@link CallLeft} when a queued caller leaves before hand-off. */
    public static final String CALL_LEFT = "hotline.dispatch.call-left";
    /** Hangup handler → dispatch, publish: a {@link CallEnded}. */
    public static final String CALL_ENDED = "hotline.dispatch.call-ended";

    private static final String IVR_CALL_PREFIX = "hotline.ivr.call.";

    private BusAddresses() {
    }

    /**
     * Dispatch → the IVR holding one call: {@link HoldUpdate}s. An {@code ASSIGNED} update is a request;
     * the IVR replies with a {@link HandOffReply} saying whether the caller was still there to take it.
     */
    public static String ivrCall(String callId) {
        return IVR_CALL_PREFIX + callId;
    }
}
