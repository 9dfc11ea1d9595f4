package org.hotline.callcontrol;

import org.hotline.core.bus.CallControlNotice;
import org.hotline.core.bus.CallOwnerChanged;
import org.hotline.core.bus.SupervisionRecord;

/** Something the board decided that the outside world must do or hear. The board itself does no I/O. */
sealed interface Effect {

    /** An AMI action. Carried out in order; the first that fails stops the rest of its decision. */
    sealed interface Action extends Effect {
        String callId();
    }

    /**
     * Ring {@code endpoint}; once answered it runs {@code [hotline-callcontrol]} {@code exten} with
     * {@code HOTLINE_ROOM=room} (and {@code HOTLINE_SPY} for ChanSpy). {@code channelId} is the uniqueid we give
     * the new channel, so its events are ours whatever order they come in.
     */
    record Originate(String callId, String endpoint, Exten exten, String room, String channelId, String spyOn)
            implements Action {
    }

    /** Send a channel to another extension of {@code [hotline-callcontrol]}. */
    record Redirect(String callId, String channel, Exten exten) implements Action {
    }

    /** Take a channel out of the conference (its extension then hangs it up); {@code "all"} for everyone. */
    record Kick(String callId, String room, String channel) implements Action {
    }

    /** Hang a channel up, by name or by uniqueid. Best effort: its failure changes nothing. */
    record Hangup(String callId, String channel) implements Action {
    }

    /** Point a supervisor's ChanSpy at the operator who has the call now (Setvar HOTLINE_SPY). */
    record SetSpy(String callId, String channel, String uniqueId) implements Action {
    }

    /** Tell one person's screen. */
    record Notify(String personId, CallControlNotice notice) implements Effect {
    }

    /** The call now belongs to another operator. */
    record OwnerChanged(CallOwnerChanged change) implements Effect {
    }

    /** A supervision session started, changed mode or ended: audit it. */
    record Supervised(SupervisionRecord record) implements Effect {
    }

    /** Find out which operator a phone endpoint belongs to (the call's first operator). */
    record LookUpOwner(String callId, String endpoint) implements Effect {
    }
}
