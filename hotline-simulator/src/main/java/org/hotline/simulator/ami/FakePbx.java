package org.hotline.simulator.ami;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The calls, channels and ConfBridge conferences of the fake Asterisk, and what the AMI actions Hotline uses do
 * to them. Every change returns through {@code events} the AMI events Asterisk 22 would send for it. Guarded by
 * its own monitor; events are handed out while holding it, so they keep the order of the changes.
 */
final class FakePbx {
    /** How a phone answers a call Originate places to it. */
    enum Answer { ANSWER, DECLINE, NO_ANSWER }

    private final Map<String, FakeChannel> channels = new LinkedHashMap<>();
    private final Map<String, Answer> endpoints = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Consumer<AmiMessage> events;
    private final long epoch = System.currentTimeMillis() / 1000;
    private final FakeOncall oncall = new FakeOncall(this);

    FakePbx(Consumer<AmiMessage> events) {
        this.events = events;
    }

    FakeOncall oncall() {
        return oncall;
    }

    /** An event not tied to a change here (OriginateResponse), to every session as Asterisk broadcasts it. */
    synchronized void publish(AmiMessage event) {
        events.accept(event);
    }

    void endpoint(String endpoint, Answer answer) {
        endpoints.put(endpoint, answer);
    }

    Answer answerOf(String endpoint) {
        return endpoints.getOrDefault(endpoint, Answer.ANSWER);
    }

    // ---- calls and channels -----------------------------------------------------------------------------------

    synchronized FakeChannel newChannel(String endpoint, String uniqueId, String callerIdNum, String context,
                                        String exten, Map<String, String> variables) {
        long n = sequence.incrementAndGet();
        String name = "%s-%08x".formatted(channelPrefix(endpoint), n);
        String id = uniqueId == null || uniqueId.isBlank() ? "%d.%d".formatted(epoch, n) : uniqueId;
        FakeChannel channel = new FakeChannel(name, id, callerIdNum, context, exten);
        channel.dialled = endpoint;
        channel.variables.putAll(variables);
        channels.put(name, channel);
        events.accept(channel.describe(event("Newchannel")));
        return channel;
    }

    /**
     * As chan_pjsip names a channel: after the endpoint, never the number dialled. {@code PJSIP/+93...@trunk}
     * becomes {@code PJSIP/trunk-00000001}, as Asterisk does for a trunk dial.
     */
    private static String channelPrefix(String endpoint) {
        int at = endpoint.indexOf('@');
        int slash = endpoint.indexOf('/');
        return at < 0 || slash < 0 ? endpoint : endpoint.substring(0, slash + 1) + endpoint.substring(at + 1);
    }

    /** The channel enters {@code context,exten,1}: joins a conference, waits on hold, or spies. */
    synchronized void enter(FakeChannel channel, String context, String exten) {
        leaveRoom(channel, false);
        channel.context = context;
        channel.exten = exten;
        if (FakeDialplan.FALLBACK.equals(exten)) {
            channel.context = "hotline-fallback";
            channel.exten = "s";
        } else if (FakeOncall.CONTEXT.equals(context)) {
            oncall.entered(channel, exten);
        } else if (FakeDialplan.ROOM_EXTENSIONS.contains(exten)) {
            joinRoom(channel, channel.variables.getOrDefault(FakeDialplan.ROOM_VARIABLE, ""),
                    FakeDialplan.MARKED.contains(exten));
        }
    }

    synchronized void hangup(String name) {
        FakeChannel channel = channels.get(name);
        if (channel == null || !channel.up) {
            return;
        }
        leaveRoom(channel, true);
        channel.up = false;
        channels.remove(name);
        events.accept(channel.describe(event("Hangup")).with("Cause", 16).with("Cause-txt", "Normal Clearing"));
        // ChanSpy(...,E): a spy leaves when the channel it spies on hangs up.
        for (FakeChannel spy : List.copyOf(channels.values())) {
            if (FakeDialplan.SPY_EXTENSIONS.contains(spy.exten)
                    && channel.uniqueId.equals(spy.variables.get(FakeDialplan.SPY_VARIABLE))) {
                hangup(spy.name);
            }
        }
    }

    /** ConfbridgeKick: ConfBridge() returns and the extension's next priority hangs the channel up. */
    synchronized boolean kick(String room, String name) {
        FakeChannel channel = channels.get(name);
        if (channel == null || !room.equals(channel.room)) {
            return false;
        }
        hangup(name);
        return true;
    }

    synchronized boolean mute(String room, String name, boolean muted) {
        FakeChannel channel = channels.get(name);
        if (channel == null || !room.equals(channel.room)) {
            return false;
        }
        channel.muted = muted;
        events.accept(channel.describe(conferenceEvent(muted ? "ConfbridgeMute" : "ConfbridgeUnmute", room)));
        return true;
    }

    synchronized void setVariable(FakeChannel channel, String name, String value) {
        channel.variables.put(name, value);
    }

    synchronized Optional<FakeChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    synchronized Optional<FakeChannel> byUniqueId(String uniqueId) {
        return channels.values().stream().filter(c -> c.uniqueId.equals(uniqueId)).findFirst();
    }

    synchronized List<FakeChannel> members(String room) {
        return channels.values().stream().filter(c -> room.equals(c.room)).toList();
    }

    synchronized List<FakeChannel> all() {
        return new ArrayList<>(channels.values());
    }

    /** Asterisk restarts: every call is gone, without a word on AMI (the sessions are closed first). */
    synchronized void clear() {
        channels.clear();
    }

    // ---- ConfBridge ------------------------------------------------------------------------------------------

    private void joinRoom(FakeChannel channel, String room, boolean marked) {
        boolean first = members(room).isEmpty();
        channel.room = room;
        channel.marked = marked;
        channel.muted = false;
        if (first) {
            // confbridge: the bridge is created (main/manager_bridges.c BridgeCreate), then the conference starts.
            events.accept(bridge(event("BridgeCreate"), room));
            events.accept(conferenceEvent("ConfbridgeStart", room));
        }
        events.accept(channel.describe(conferenceEvent("ConfbridgeJoin", room)).with("Admin", "No")
                .with("Muted", "No"));
        events.accept(channel.describe(bridge(event("BridgeEnter"), room)));
    }

    private void leaveRoom(FakeChannel channel, boolean hangingUp) {
        String room = channel.room;
        if (room == null) {
            return;
        }
        channel.room = null;
        events.accept(channel.describe(conferenceEvent("ConfbridgeLeave", room)).with("Admin", "No"));
        events.accept(channel.describe(bridge(event("BridgeLeave"), room)));
        List<FakeChannel> left = members(room);
        // end_marked=yes on every profile but the operators' (confbridge.conf): when the last marked user leaves,
        // the others are kicked, and their extension hangs them up.
        if (channel.marked && left.stream().noneMatch(c -> c.marked)) {
            for (FakeChannel other : left) {
                hangup(other.name);
            }
        }
        if (members(room).isEmpty()) {
            events.accept(conferenceEvent("ConfbridgeEnd", room));
            events.accept(bridge(event("BridgeDestroy"), room));
        }
    }

    private AmiMessage conferenceEvent(String name, String room) {
        return bridge(event(name).with("Conference", room), room);
    }

    private AmiMessage bridge(AmiMessage event, String room) {
        return event.with("BridgeUniqueid", "bridge-" + room).with("BridgeType", "base")
                .with("BridgeTechnology", "softmix").with("BridgeCreator", "ConfBridge").with("BridgeName", room)
                .with("BridgeNumChannels", members(room).size()).with("BridgeVideoSourceMode", "none");
    }

    static AmiMessage event(String name) {
        return new AmiMessage().with("Event", name).with("Privilege", "call,all");
    }
}
