package org.hotline.simulator.ami;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake Asterisk 22 Manager Interface over TCP, built from main/manager.c, apps/app_confbridge.c and
 * apps/confbridge/confbridge_manager.c: the banner {@code Asterisk Call Manager/11.0.0}, Challenge and Login
 * (MD5 or plain secret), Ping, Logoff, CoreSettings, Originate (queued at once, then an
 * {@code OriginateResponse} event), Redirect, Hangup, Setvar, ConfbridgeKick/Mute/Unmute/List, and the events a call
 * in a conference raises (Newchannel, Hangup, ConfbridgeStart/Join/Leave/End, BridgeEnter/Leave, FullyBooted).
 * The calls behind it follow {@code [hotline-callcontrol]} of asterisk-conf/extensions.conf ({@link FakeDialplan}).
 *
 * <p>Tests drive the telephone side: {@link #connectCall} is a caller handed to an operator (the dialplan's
 * {@code Dial(...G())}), {@link #hangup} a party hanging up, {@link #endpoint} how a phone answers an Originate,
 * {@link #ignore} an Asterisk that never answers one action, {@link #stop}/{@link #restart} an Asterisk restart.
 * Every action received is kept, byte for byte, in {@link #actionsReceived()}.
 *
 * <p>Like the FastAGI fake, it logs nothing: the caller numbers it is given appear only in the events it sends,
 * exactly where Asterisk puts them (CallerIDNum).
 */
public final class FakeAmi implements AutoCloseable {
    /** The AMI version Asterisk 22.9 announces (include/asterisk/manager.h AMI_VERSION). */
    public static final String BANNER = "Asterisk Call Manager/11.0.0";

    private final String username;
    private final String secret;
    private final FakePbx pbx;
    private final List<AmiSession> sessions = new CopyOnWriteArrayList<>();
    private final List<String> actions = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final Set<String> ignored = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private volatile int port;

    private FakeAmi(String username, String secret) {
        this.username = username;
        this.secret = secret;
        this.pbx = new FakePbx(this::broadcast);
    }

    /** Listens on a free loopback port. */
    public static FakeAmi start(String username, String secret) throws IOException {
        FakeAmi ami = new FakeAmi(username, secret);
        ami.listen(0);
        return ami;
    }

    public int port() {
        return port;
    }

    // ---- the telephone side, driven by tests -------------------------------------------------------------

    /** How {@code endpoint} (e.g. {@code PJSIP/1002}) answers calls originated to it; by default it answers. */
    void endpoint(String endpoint, FakePbx.Answer answer) {
        pbx.endpoint(endpoint, answer);
    }

    /** Makes the phone answer, decline (busy) or ring until the Originate's timeout. */
    public void answers(String endpoint) {
        endpoint(endpoint, FakePbx.Answer.ANSWER);
    }

    public void declines(String endpoint) {
        endpoint(endpoint, FakePbx.Answer.DECLINE);
    }

    public void ringsUnanswered(String endpoint) {
        endpoint(endpoint, FakePbx.Answer.NO_ANSWER);
    }

    /**
     * A caller handed to an operator, as the dialplan does it: the caller's channel (carrying the raw caller
     * number, as a trunk delivers it) and the operator's channel both enter {@code hotline-<callId>}.
     *
     * @return the two channels' names: caller first, then operator
     */
    public List<String> connectCall(String callerNumber, String callId, String operatorEndpoint) {
        Map<String, String> vars = Map.of(FakeDialplan.ROOM_VARIABLE, "hotline-" + callId);
        FakeChannel caller = pbx.newChannel("PJSIP/trunk", null, callerNumber, FakeDialplan.CONTEXT, "caller", vars);
        FakeChannel operator = pbx.newChannel(operatorEndpoint, null, "1098", FakeDialplan.CONTEXT, "operator",
                vars);
        pbx.enter(caller, FakeDialplan.CONTEXT, "caller");
        pbx.enter(operator, FakeDialplan.CONTEXT, "operator");
        return List.of(caller.name, operator.name);
    }

    /**
     * A caller the IVR sent to the on-call duty person ({@code HOTLINE_NEXT=oncall}): [hotline-inbound] takes their
     * channel to {@code [hotline-callcontrol] caller-answered}, into {@code hotline-<callId>}.
     *
     * @return the caller's channel name
     */
    public String joinAsCaller(String callerNumber, String callId) {
        FakeChannel caller = pbx.newChannel("PJSIP/trunk", null, callerNumber, FakeDialplan.CONTEXT, "caller",
                Map.of(FakeDialplan.ROOM_VARIABLE, "hotline-" + callId));
        pbx.enter(caller, FakeDialplan.CONTEXT, "caller");
        return caller.name;
    }

    /**
     * A duty phone in {@code [hotline-oncall]} presses a key: in page, 1 acknowledges (the dialplan's Goto to
     * {@code [hotline-callcontrol]} oncall, which joins the call's room; for a voice message, to message, which
     * raises UserEvent(HotlineOncallAck) and plays it); in message, 1 plays it again; anything else ends with
     * Hangup() ({@link FakeOncall}).
     */
    public void press(String channel, char digit) {
        pbx.channel(channel).filter(c -> FakeDialplan.ONCALL_CONTEXT.equals(c.context))
                .ifPresent(c -> pbx.oncall().press(c, digit));
    }

    /**
     * What a duty phone's channel played in {@code [hotline-oncall]} (the voice message's path, staff sentences
     * after a Redirect), in order; kept after it hangs up.
     */
    public List<String> played(String channel) {
        return pbx.oncall().played(channel);
    }

    /** That party hangs up. */
    public void hangup(String channel) {
        pbx.hangup(channel);
    }

    /**
     * The live channel made by dialling {@code endpoint} (a trunk channel is named after the trunk, not the number
     * dialled), or whose name starts with {@code endpoint + "-"}, if one is up.
     */
    public Optional<String> channelOf(String endpoint) {
        return pbx.all().stream().filter(c -> endpoint.equals(c.dialled) || c.name.startsWith(endpoint + "-"))
                .map(c -> c.name).findFirst();
    }

    /** The channel names in a conference, in the order they joined. */
    public List<String> members(String room) {
        return pbx.members(room).stream().map(c -> c.name).toList();
    }

    /** Where a channel is ({@code context,exten}), or empty once it hung up. */
    public Optional<String> location(String channel) {
        return pbx.channel(channel).map(c -> c.context + "," + c.exten);
    }

    public boolean muted(String channel) {
        return pbx.channel(channel).map(c -> c.muted).orElse(false);
    }

    /** The value of a channel variable on a live channel. */
    public Optional<String> variable(String channel, String name) {
        return pbx.channel(channel).map(c -> c.variables.get(name));
    }

    /** From now on, actions named {@code action} are read and never answered (a hung Asterisk thread). */
    public void ignore(String action) {
        ignored.add(action.toLowerCase(java.util.Locale.ROOT));
    }

    public void stopIgnoring() {
        ignored.clear();
    }

    /** Every action received so far, as it came over the wire. */
    public List<String> actionsReceived() {
        return List.copyOf(actions);
    }

    /** Every event broadcast so far, as it went over the wire (caller numbers included, as Asterisk sends them). */
    public List<String> eventsSent() {
        return List.copyOf(events);
    }

    /** Asterisk goes down: the port closes, every session is cut, and every call is gone. */
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException ignoredClose) {
            // closing anyway
        }
        server = null;
        for (AmiSession session : sessions) {
            session.close();
        }
        sessions.clear();
        pbx.clear();
    }

    /** Asterisk comes back on the same port. */
    public synchronized void restart() throws IOException {
        listen(port);
    }

    @Override
    public void close() {
        stop();
    }

    // ---- the wire side ---------------------------------------------------------------------------------------

    private synchronized void listen(int wanted) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), wanted));
        server = socket;
        port = socket.getLocalPort();
        Thread.ofVirtual().name("fake-ami-accept").start(() -> accept(socket));
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                AmiSession session = new AmiSession(client, this);
                sessions.add(session);
                Thread.ofVirtual().name("fake-ami-session").start(session::run);
            } catch (IOException e) {
                return;
            }
        }
    }

    void received(AmiMessage action) {
        actions.add(action.wire());
    }

    boolean ignores(AmiMessage action) {
        return ignored.contains(action.action());
    }

    void gone(AmiSession session) {
        sessions.remove(session);
    }

    private void broadcast(AmiMessage event) {
        events.add(event.wire());
        for (AmiSession session : sessions) {
            session.event(event);
        }
    }

    String username() {
        return username;
    }

    String secret() {
        return secret;
    }

    FakePbx pbx() {
        return pbx;
    }
}
