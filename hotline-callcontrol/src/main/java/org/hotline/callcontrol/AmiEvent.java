package org.hotline.callcontrol;

/**
 * The few facts call control takes from AMI events. Built field by field from the events Asterisk sends, so
 * nothing else in an event (CallerIDNum, CallerIDName, ConnectedLineNum: the caller's number) goes further.
 */
sealed interface AmiEvent {
    /** ConfbridgeJoin: a channel entered a conference, from an extension of {@code [hotline-callcontrol]}. */
    record Joined(String room, String channel, String uniqueId, Exten exten) implements AmiEvent {
    }

    /** UserEvent(HotlineOncallAck): a paged duty person pressed 1 for an emergency voice message. */
    record MessageTaken(String uniqueId) implements AmiEvent {
    }

    /** Hangup: a channel is gone. */
    record HungUp(String channel, String uniqueId) implements AmiEvent {
    }

    /** OriginateResponse for a channel we originated with {@code ChannelId = uniqueId}. */
    record Originated(String uniqueId, String channel, boolean answered, int reason) implements AmiEvent {
        /** AST_CONTROL_BUSY: the phone declined. */
        static final int BUSY = 5;
    }
}
