package org.hotline.core.bus;

import org.hotline.core.id.Ids;

/**
 * Every event-bus address Hotline uses, declared once. Senders, consumers, the browser bridge's permissions
 * and the tests all take their addresses from here; no address string is written anywhere else.
 */
public final class BusAddresses {
    /** IVR → dispatch, request/reply: a {@link CallIntake}; the reply is an {@link IntakeReply}. */
    public static final String INTAKE = "hotline.dispatch.intake";
    /** IVR → dispatch, publish: a {@link CallLeft} when a queued caller leaves before hand-off. */
    public static final String CALL_LEFT = "hotline.dispatch.call-left";
    /**
     * IVR → dispatch, publish: a {@link CallbackRequested} when a queued caller accepts a callback; the call keeps
     * its place in the queue. Only the opaque callback id travels, never the number.
     */
    public static final String CALLBACK_REQUESTED = "hotline.dispatch.callback-requested";
    /**
     * Dispatch → call control, request/reply: a {@link CallbackDial} when the operator presses Call on a callback;
     * the reply is a {@link CallbackResult}.
     */
    public static final String CALLBACK_DIAL = "hotline.callcontrol.callback-dial";
    /** Call control → dispatch, publish: every {@link CallbackResult}, so the call's record gets its outcome. */
    public static final String CALLBACK_RESULT = "hotline.dispatch.callback-result";
    /** Hangup handler → dispatch, publish: a {@link CallEnded}. */
    public static final String CALL_ENDED = "hotline.dispatch.call-ended";
    /**
     * Prompt studio → every IVR, publish: a {@link PromptsChanged} when a recording is added, approved or rejected,
     * so the IVR reloads which recordings it plays (it never queries the database per prompt).
     */
    public static final String PROMPTS_CHANGED = "hotline.ivr.prompts-changed";

    /**
     * Browser → dispatch through the bridge, send: an {@link OperatorAction}. The bridge stamps the signed-in
     * operator's id on it; the body's own claim is never trusted.
     */
    public static final String OPERATOR_ACTIONS = "hotline.dispatch.operator-action";
    /** Screen server → dispatch, send: a {@link Presence} (a browser connected, disconnected, or signed out). */
    public static final String PRESENCE = "hotline.dispatch.presence";
    /**
     * Routing owner → every screen server, publish: an empty object when a routing owner starts. In a cluster
     * that means the owner changed; screen servers answer with a {@link Presence} {@code RESUMED} for each
     * operator still connected to them, so the new owner rebuilds the floor.
     */
    public static final String ROUTING_OWNER = "hotline.dispatch.routing-owner";
    /**
     * Routing and the voice-message path → escalation, publish: an {@link EscalationNeeded} when someone in danger
     * is not being answered, so the on-call duty list is paged.
     */
    public static final String ESCALATION_NEEDED = "hotline.dispatch.escalation-needed";
    /**
     * Escalation → screens and routing, publish: an {@link EscalationStatus} whenever an escalation changes (who is
     * paged, the round, who acknowledged). Names of duty people only, never their duty phones.
     */
    public static final String ESCALATIONS = "hotline.screen.escalations";
    /** Wallboard → escalation, request/reply: {@code {"escalations": [EscalationStatus...]}}, the ones going on. */
    public static final String ESCALATIONS_NOW = "hotline.callcontrol.escalations-now";
    /**
     * People administration → every screen server, publish: a {@link SessionsEnded} when a person is disabled, their
     * role changes or their password is reset, so every node closes that person's sessions and bridge sockets.
     */
    public static final String SESSIONS_ENDED = "hotline.dispatch.sessions-ended";
    /** Tips → dispatch, publish: a {@link TipSaved}, which ends the operator's wrap-up. */
    public static final String TIP_SAVED = "hotline.dispatch.tip-saved";
    /**
     * Manager screen → routing, publish with an empty body: the opening hours or holidays changed in the database;
     * routing reads them again at once (it also re-reads them every few seconds, so a lost message only delays).
     */
    public static final String OPENING_HOURS_CHANGED = "hotline.dispatch.opening-hours-changed";
    /** Dispatch → managers' browsers through the bridge, publish: a {@link Wallboard}. */
    public static final String WALLBOARD = "hotline.screen.wallboard";

    /** Dispatch → call control, request/reply: a {@link CallControlRequest}; the reply is a {@link CallControlReply}. */
    public static final String CALL_CONTROL = "hotline.callcontrol.request";
    /** Call control → everyone, publish: a {@link CallOwnerChanged} when a warm transfer completes. */
    public static final String CALL_OWNER_CHANGED = "hotline.callcontrol.owner-changed";
    /**
     * Dispatch's call ownership → routing, publish: the same {@link CallOwnerChanged}, once the call and its draft tip
     * are the colleague's in the database, so their screen opens the draft only when it can read it.
     */
    public static final String CALL_OWNER_STORED = "hotline.dispatch.owner-stored";
    /** Call control → dispatch's audit trail, publish: a {@link SupervisionRecord}. */
    public static final String SUPERVISION = "hotline.callcontrol.supervision";
    /** Call control → managers' browsers through the bridge, publish: {@link LiveCalls}. */
    public static final String LIVE_CALLS = "hotline.screen.live-calls";
    /** Anyone → call control, request/reply with an empty body: the {@link LiveCalls} now. */
    public static final String LIVE_CALLS_NOW = "hotline.callcontrol.live-calls";

    private static final String IVR_CALL_PREFIX = "hotline.ivr.call.";
    private static final String OPERATOR_SCREEN_PREFIX = "hotline.screen.operator.";
    private static final String CALL_CONTROL_SCREEN_PREFIX = "hotline.screen.callcontrol.";

    private BusAddresses() {
    }

    /**
     * Dispatch → the IVR holding one call: {@link HoldUpdate}s. An {@code ASSIGNED} update is a request;
     * the IVR replies with a {@link HandOffReply} saying whether the caller was still there to take it.
     */
    public static String ivrCall(String callId) {
        return IVR_CALL_PREFIX + callId;
    }

    /**
     * Dispatch → one operator's browser through the bridge: {@link ScreenMessage}s. Only that operator may
     * register on it.
     */
    public static String operatorScreen(String operatorId) {
        return OPERATOR_SCREEN_PREFIX + operatorId;
    }

    /** The operator id an {@link #operatorScreen(String)} address belongs to, or null for any other address. */
    public static String operatorOfScreen(String address) {
        if (address == null || !address.startsWith(OPERATOR_SCREEN_PREFIX)) {
            return null;
        }
        String id = address.substring(OPERATOR_SCREEN_PREFIX.length());
        return id.matches(Ids.UUID) ? id : null;
    }

    /**
     * Call control → one person's browser through the bridge: {@link CallControlNotice}s about calls they are on.
     * Only that person may register on it.
     */
    public static String callControlScreen(String operatorId) {
        return CALL_CONTROL_SCREEN_PREFIX + operatorId;
    }

    /** The operator id a {@link #callControlScreen(String)} address belongs to, or null for any other address. */
    public static String operatorOfCallControlScreen(String address) {
        if (address == null || !address.startsWith(CALL_CONTROL_SCREEN_PREFIX)) {
            return null;
        }
        String id = address.substring(CALL_CONTROL_SCREEN_PREFIX.length());
        return id.matches(Ids.UUID) ? id : null;
    }
}
