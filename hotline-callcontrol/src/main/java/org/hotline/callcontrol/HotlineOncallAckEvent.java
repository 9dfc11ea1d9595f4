package org.hotline.callcontrol;

import org.asteriskjava.manager.event.UserEvent;

/**
 * {@code UserEvent(HotlineOncallAck)} from {@code [hotline-oncall] message} of asterisk-conf/extensions.conf: a paged
 * duty person pressed 1 for an emergency voice message, which they hear next (there is no room to join, so no
 * ConfbridgeJoin). Asterisk publishes it with the channel's snapshot, so its Uniqueid is the one Hotline gave the
 * page. Public only because Asterisk-Java builds it by reflection ({@code registerUserEventClass}); the name
 * "HotlineOncallAck" comes from the class name.
 */
public final class HotlineOncallAckEvent extends UserEvent {
    private static final long serialVersionUID = 1L;

    public HotlineOncallAckEvent(Object source) {
        super(source);
    }
}
