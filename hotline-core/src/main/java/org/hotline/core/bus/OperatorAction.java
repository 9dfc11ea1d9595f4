package org.hotline.core.bus;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * An operator's button press, from the browser on {@link BusAddresses#OPERATOR_ACTIONS}.
 *
 * @param operatorId stamped by the bridge from the session, never taken from the browser
 * @param action     what they pressed
 * @param callId     the call it concerns, for {@link Action#ACCEPT} and {@link Action#DECLINE}
 * @param reason     why an offer was declined: one of {@link #DECLINE_REASONS} (an emergency offer is declined
 *                   only with one), else null. A code, never free text: it is stored with the operator's state.
 */
public record OperatorAction(String operatorId, Action action, String callId, String reason) {

    /** The reasons an operator may give for declining an offer (the screen lists them). */
    public static final java.util.Set<String> DECLINE_REASONS = java.util.Set.of("language", "unwell",
            "conflict-of-interest", "not-trained", "other");

    public OperatorAction(String operatorId, Action action, String callId) {
        this(operatorId, action, callId, null);
    }

    /** The buttons on the operator's screen. */
    public enum Action {
        AVAILABLE,
        AWAY,
        ACCEPT,
        DECLINE,
        /** Plan more wrap-up time (wrap-up never ends on its own; this tells the floor it will be longer). */
        EXTEND_WRAP_UP,
        /** Start the outbound call of a callback this operator took (the call id only; the server dials). */
        CALL_BACK
    }

    /** The field the bridge overwrites with the session's operator id. */
    public static final String OPERATOR_FIELD = "operatorId";

    public JsonObject toJson() {
        return new JsonObject().put(OPERATOR_FIELD, operatorId)
                .put("action", action.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .put("callId", callId).put("reason", reason);
    }

    public static OperatorAction fromJson(JsonObject json) {
        String callId = json.getString("callId");
        if (callId != null && callId.length() > 36) {
            throw new IllegalArgumentException("call id too long");
        }
        String reason = json.getString("reason");
        if (reason != null && !DECLINE_REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown decline reason");
        }
        return new OperatorAction(Json.required(json, OPERATOR_FIELD),
                Action.valueOf(Json.required(json, "action").toUpperCase(Locale.ROOT).replace('-', '_')), callId,
                reason);
    }
}
