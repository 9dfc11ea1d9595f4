package org.hotline.callcontrol;

import java.util.LinkedHashMap;
import java.util.Map;
import org.asteriskjava.manager.action.ConfbridgeKickAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.action.SetVarAction;

/**
 * The board's actions as Asterisk-Java manager actions. Everything an action carries is ours: channel names,
 * conference names, uniqueids we made, extensions of {@code [hotline-callcontrol]}. The calls we place say
 * "Hotline" from 1098, so no caller number can reach a phone or an action through here.
 */
final class AmiActions {
    static final String CONTEXT = "hotline-callcontrol";
    static final String ROOM_VARIABLE = "HOTLINE_ROOM";
    static final String SPY_VARIABLE = "HOTLINE_SPY";
    static final String CALLER_ID = "\"Hotline\" <1098>";

    private final long ringTimeoutMillis;

    AmiActions(long ringTimeoutMillis) {
        this.ringTimeoutMillis = ringTimeoutMillis;
    }

    ManagerAction toManager(Effect.Action action) {
        return switch (action) {
            case Effect.Originate o -> originate(o);
            case Effect.Redirect r -> new RedirectAction(r.channel(), CONTEXT, r.exten().dialplanName(), 1);
            case Effect.Kick k -> new ConfbridgeKickAction(k.room(), k.channel());
            case Effect.Hangup h -> new HangupAction(h.channel());
            case Effect.SetSpy s -> new SetVarAction(s.channel(), SPY_VARIABLE, s.uniqueId());
        };
    }

    /** The context a duty phone is dialled into: it says what is waiting and reads the 1 that acknowledges. */
    static final String ONCALL_CONTEXT = "hotline-oncall";
    static final String ONCALL_EXTEN = "page";
    static final String LANGUAGE_VARIABLE = "HOTLINE_LANGUAGE";
    static final String WAITING_VARIABLE = "HOTLINE_WAITING";
    static final String MESSAGE_VARIABLE = "HOTLINE_MESSAGE";
    /** Where a duty person who pressed 1 is told that the caller hung up before reaching them. */
    static final String CALLER_GONE_EXTEN = "caller-gone";

    /**
     * Dial a duty phone through the trunk into {@code [hotline-oncall]} page. {@code waiting} is "call", "message"
     * or "declined": what the prompt says is waiting. {@code message}, for a voice message, is the recording's name
     * (the call id); never anything the caller sent.
     */
    OriginateAction page(String channel, String channelId, String room, String language, String waiting,
                         String message) {
        OriginateAction action = new OriginateAction();
        action.setChannel(channel);
        action.setContext(ONCALL_CONTEXT);
        action.setExten(ONCALL_EXTEN);
        action.setPriority(1);
        action.setTimeout(ringTimeoutMillis);
        action.setAsync(true);
        action.setCallerId(CALLER_ID);
        action.setChannelId(channelId);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(ROOM_VARIABLE, room);
        variables.put(LANGUAGE_VARIABLE, language == null ? "en" : language);
        variables.put(WAITING_VARIABLE, waiting);
        if (message != null) {
            variables.put(MESSAGE_VARIABLE, message);
        }
        action.setVariables(variables);
        return action;
    }

    /** Takes a duty person (by the uniqueid we gave their page) to {@code [hotline-oncall] caller-gone}. */
    RedirectAction callerGone(String channelId) {
        // manager.c action_redirect finds the channel with ast_channel_get_by_name, which also matches a uniqueid.
        return new RedirectAction(channelId, ONCALL_CONTEXT, CALLER_GONE_EXTEN, 1);
    }

    private OriginateAction originate(Effect.Originate o) {
        OriginateAction action = new OriginateAction();
        action.setChannel(o.endpoint());
        action.setContext(CONTEXT);
        action.setExten(o.exten().dialplanName());
        action.setPriority(1);
        action.setTimeout(ringTimeoutMillis);
        action.setAsync(true);
        action.setCallerId(CALLER_ID);
        action.setChannelId(o.channelId());
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(ROOM_VARIABLE, o.room());
        if (o.spyOn() != null) {
            variables.put(SPY_VARIABLE, o.spyOn());
        }
        action.setVariables(variables);
        return action;
    }
}
