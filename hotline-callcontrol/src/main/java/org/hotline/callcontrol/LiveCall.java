package org.hotline.callcontrol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hotline.core.bus.SupervisionMode;

/** One call in its conference, as the board knows it. Mutable; only {@link CallBoard} changes it. */
final class LiveCall {
    static final String ROOM_PREFIX = "hotline-";

    /** A channel of this call: its name and uniqueid. The name is null while it still rings. */
    static final class Leg {
        final String uniqueId;
        String channel;

        Leg(String uniqueId, String channel) {
            this.uniqueId = uniqueId;
            this.channel = channel;
        }

        boolean answered() {
            return channel != null;
        }

        /** Name if known, else uniqueid: Hangup accepts either (ast_channel_get_by_name). */
        String handle() {
            return channel != null ? channel : uniqueId;
        }
    }

    /** Someone we brought in: who, and their leg. */
    static class Party {
        final String personId;
        final Leg leg;
        /** For a transfer: the colleague is in the room with the operator. For a supervisor: on the line. */
        boolean connected;

        Party(String personId, String uniqueId) {
            this.personId = personId;
            this.leg = new Leg(uniqueId, null);
        }
    }

    static final class Transfer extends Party {
        final String endpoint;
        /** The operator asked to join the caller to the colleague; waiting for their own leg to leave. */
        boolean completing;
        /** The operator left while the colleague still rang: whoever answers gets the caller. */
        boolean ownerGone;

        Transfer(String personId, String endpoint, String uniqueId) {
            super(personId, uniqueId);
            this.endpoint = endpoint;
        }
    }

    static final class Supervision extends Party {
        SupervisionMode mode;

        Supervision(String personId, String uniqueId, SupervisionMode mode) {
            super(personId, uniqueId);
            this.mode = mode;
        }
    }

    final String callId;
    final String room;
    Leg caller;
    boolean callerOnHold;
    Leg owner;
    String ownerId;
    Transfer transfer;
    Party interpreter;
    final Map<String, Supervision> supervisors = new LinkedHashMap<>();

    LiveCall(String callId) {
        this.callId = callId;
        this.room = ROOM_PREFIX + callId;
    }

    /** The phone endpoint of a channel name: {@code PJSIP/1001-0000002a} → {@code PJSIP/1001}. */
    static String endpointOf(String channel) {
        int dash = channel.lastIndexOf('-');
        return dash > 0 ? channel.substring(0, dash) : channel;
    }

    boolean ownedBy(String endpoint) {
        return owner != null && owner.channel != null && endpoint != null && endpoint.equals(endpointOf(owner.channel));
    }

    String state() {
        return transfer != null ? "transferring" : "talking";
    }
}
