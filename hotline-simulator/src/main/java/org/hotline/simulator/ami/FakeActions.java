package org.hotline.simulator.ami;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The actions a logged-in session may send, each answered with main/manager.c's or app_confbridge.c's words. */
final class FakeActions {
    private final FakePbx pbx;
    private final AmiSession session;

    FakeActions(FakePbx pbx, AmiSession session) {
        this.pbx = pbx;
        this.session = session;
    }

    void handle(AmiMessage action) {
        switch (action.action()) {
            case "ping" -> session.respond(AmiSession.ack(action, null).with("Ping", "Pong")
                    .with("Timestamp", "%d.000000".formatted(System.currentTimeMillis() / 1000)));
            case "coresettings" -> session.respond(AmiSession.ack(action, null).with("AMIversion", "11.0.0")
                    .with("AsteriskVersion", "22.9.0").with("SystemName", "").with("CoreMaxCalls", 0)
                    .with("CoreMaxLoadAvg", "0.000000").with("CoreRunUser", "asterisk")
                    .with("CoreRunGroup", "asterisk").with("CoreMaxFilehandles", 0).with("CoreRealTimeEnabled", "No")
                    .with("CoreCDRenabled", "No").with("CoreHTTPenabled", "No"));
            case "originate" -> originate(action);
            case "redirect" -> redirect(action);
            case "hangup" -> hangup(action);
            case "setvar" -> setvar(action);
            case "confbridgekick" -> kick(action);
            case "confbridgemute", "confbridgeunmute" -> mute(action, "confbridgemute".equals(action.action()));
            case "confbridgelist" -> list(action);
            default -> session.respond(AmiSession.error(action, "Invalid/unknown command: " + action.get("Action")
                    + ". Use Action: ListCommands to show available commands."));
        }
    }

    private void originate(AmiMessage action) {
        String channel = action.get("Channel");
        int slash = channel.indexOf('/');
        if (channel.isEmpty() || slash < 1) {
            session.respond(AmiSession.error(action, channel.isEmpty() ? "Channel not specified" : "Invalid channel"));
            return;
        }
        String context = action.get("Context");
        String exten = action.get("Exten");
        if (!FakeDialplan.exists(context, exten)) {
            session.respond(AmiSession.error(action, "Extension does not exist."));
            return;
        }
        long timeout = action.get("Timeout").isEmpty() ? 30_000 : Long.parseLong(action.get("Timeout"));
        Map<String, String> variables = variables(action.all("Variable"));
        session.respond(AmiSession.ack(action, "Originate successfully queued"));
        // Asterisk dials on a thread of its own (AST_OUTGOING_WAIT) and reports with OriginateResponse.
        Thread.ofVirtual().name("fake-ami-originate").start(() -> {
            FakePbx.Answer answer = pbx.answerOf(channel);
            if (answer == FakePbx.Answer.NO_ANSWER) {
                sleep(timeout);
                failed(action, channel, context, exten, 3);
            } else if (answer == FakePbx.Answer.DECLINE) {
                failed(action, channel, context, exten, 5);
            } else {
                FakeChannel leg = pbx.newChannel(channel, action.get("ChannelId"), "1098", context, exten, variables);
                pbx.publish(response(action, "Success", leg.name, context, exten, 4, leg.uniqueId));
                pbx.enter(leg, context, exten);
            }
        });
    }

    private void failed(AmiMessage action, String channel, String context, String exten, int reason) {
        String id = action.get("ChannelId").isEmpty() ? "<unknown>" : action.get("ChannelId");
        pbx.publish(response(action, "Failure", channel, context, exten, reason, id));
    }

    private static AmiMessage response(AmiMessage action, String result, String channel, String context,
                                       String exten, int reason, String uniqueId) {
        AmiMessage event = FakePbx.event("OriginateResponse");
        if (!action.get("ActionID").isEmpty()) {
            event.with("ActionID", action.get("ActionID"));
        }
        return event.with("Response", result).with("Channel", channel).with("Context", context).with("Exten", exten)
                .with("Reason", reason).with("Uniqueid", uniqueId)
                .with("CallerIDNum", orUnknown(action.get("CallerID"))).with("CallerIDName", "<unknown>");
    }

    private static String orUnknown(String value) {
        return value.isEmpty() ? "<unknown>" : value;
    }

    private void redirect(AmiMessage action) {
        String name = action.get("Channel");
        if (name.isEmpty()) {
            session.respond(AmiSession.error(action, "Channel not specified"));
            return;
        }
        // ast_channel_get_by_name (main/channel.c), as for Hangup: by name or by uniqueid.
        var channel = pbx.channel(name).or(() -> pbx.byUniqueId(name));
        if (channel.isEmpty()) {
            session.respond(AmiSession.error(action, "Channel does not exist: " + name));
            return;
        }
        if (!FakeDialplan.exists(action.get("Context"), action.get("Exten"))) {
            session.respond(AmiSession.error(action, "Redirect failed"));
            return;
        }
        session.respond(AmiSession.ack(action, "Redirect successful"));
        pbx.enter(channel.get(), action.get("Context"), action.get("Exten"));
    }

    private void hangup(AmiMessage action) {
        String name = action.get("Channel");
        // ast_channel_get_by_name (main/channel.c) finds a channel by name or by uniqueid.
        var channel = pbx.channel(name).or(() -> pbx.byUniqueId(name));
        if (name.isEmpty()) {
            session.respond(AmiSession.error(action, "No channel specified"));
        } else if (channel.isEmpty()) {
            session.respond(AmiSession.error(action, "No such channel"));
        } else {
            session.respond(AmiSession.ack(action, "Channel Hungup"));
            pbx.hangup(channel.get().name);
        }
    }

    private void setvar(AmiMessage action) {
        if (action.get("Variable").isEmpty()) {
            session.respond(AmiSession.error(action, "No variable specified"));
            return;
        }
        var channel = pbx.channel(action.get("Channel"));
        if (channel.isEmpty()) {
            session.respond(AmiSession.error(action, "No such channel"));
            return;
        }
        pbx.setVariable(channel.get(), action.get("Variable"), action.get("Value"));
        session.respond(AmiSession.ack(action, "Variable Set"));
    }

    private void kick(AmiMessage action) {
        String room = action.get("Conference");
        if (room.isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference name provided."));
        } else if (pbx.members(room).isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference by that name found."));
        } else if ("all".equals(action.get("Channel"))) {
            session.respond(AmiSession.ack(action, "All participants kicked"));
            pbx.members(room).forEach(c -> pbx.kick(room, c.name));
        } else if (pbx.channel(action.get("Channel")).filter(c -> room.equals(c.room)).isPresent()) {
            session.respond(AmiSession.ack(action, "User kicked"));
            pbx.kick(room, action.get("Channel"));
        } else {
            session.respond(AmiSession.error(action, "No Channel by that name found in Conference."));
        }
    }

    private void mute(AmiMessage action, boolean muted) {
        String room = action.get("Conference");
        if (room.isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference name provided."));
        } else if (action.get("Channel").isEmpty()) {
            session.respond(AmiSession.error(action, "No channel name provided."));
        } else if (pbx.members(room).isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference by that name found."));
        } else if (pbx.channel(action.get("Channel")).filter(c -> room.equals(c.room)).isEmpty()) {
            session.respond(AmiSession.error(action, "No Channel by that name found in Conference."));
        } else {
            session.respond(AmiSession.ack(action, muted ? "User muted" : "User unmuted"));
            pbx.mute(room, action.get("Channel"), muted);
        }
    }

    private void list(AmiMessage action) {
        String room = action.get("Conference");
        if (room.isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference name provided."));
            return;
        }
        List<FakeChannel> members = pbx.members(room);
        if (members.isEmpty()) {
            session.respond(AmiSession.error(action, "No Conference by that name found."));
            return;
        }
        session.respond(AmiSession.ack(action, null).with("EventList", "start")
                .with("Message", "Confbridge user list will follow"));
        for (FakeChannel member : members) {
            AmiMessage item = new AmiMessage().with("Event", "ConfbridgeList");
            if (!action.get("ActionID").isEmpty()) {
                item.with("ActionID", action.get("ActionID"));
            }
            session.respond(member.describe(item.with("Conference", room)).with("Admin", "No")
                    .with("MarkedUser", member.marked ? "Yes" : "No").with("WaitMarked", "No")
                    .with("EndMarked", member.marked ? "No" : "Yes").with("Waiting", "No")
                    .with("Muted", member.muted ? "Yes" : "No").with("Talking", "No").with("AnsweredTime", 1));
        }
        AmiMessage complete = new AmiMessage().with("Event", "ConfbridgeListComplete");
        if (!action.get("ActionID").isEmpty()) {
            complete.with("ActionID", action.get("ActionID"));
        }
        session.respond(complete.with("EventList", "Complete").with("ListItems", members.size()));
    }

    /** {@code Variable: a=b} headers, each possibly a comma-separated list (manager.c astman_get_variables). */
    private static Map<String, String> variables(List<String> headers) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String header : headers) {
            for (String pair : header.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1));
                }
            }
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
