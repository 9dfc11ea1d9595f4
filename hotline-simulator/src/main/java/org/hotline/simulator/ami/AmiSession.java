package org.hotline.simulator.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** One manager session: the banner, then one action at a time, answered as main/manager.c answers it. */
final class AmiSession {
    private final Socket socket;
    private final FakeAmi ami;
    private final FakeActions actions;
    private final String challenge = Long.toString(ThreadLocalRandom.current().nextLong(1, Integer.MAX_VALUE));
    private volatile boolean authenticated;
    private volatile boolean events = true;

    AmiSession(Socket socket, FakeAmi ami) {
        this.socket = socket;
        this.ami = ami;
        this.actions = new FakeActions(ami.pbx(), this);
    }

    void run() {
        try (socket) {
            write(FakeAmi.BANNER + "\r\n");
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            AmiMessage action;
            while ((action = AmiMessage.read(in)) != null) {
                ami.received(action);
                if (ami.ignores(action)) {
                    continue;
                }
                if (!handle(action)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the fake was stopped
        } finally {
            ami.gone(this);
        }
    }

    /** False when the session ends (Logoff, failed Login). */
    private boolean handle(AmiMessage action) {
        switch (action.action()) {
            case "challenge" -> {
                if ("MD5".equalsIgnoreCase(action.get("AuthType"))) {
                    respond(ack(action, null).with("Challenge", challenge));
                } else {
                    respond(error(action, "Must specify AuthType"));
                }
            }
            case "login" -> {
                if (!credentialsMatch(action)) {
                    respond(error(action, "Authentication failed"));
                    return false;
                }
                authenticated = true;
                events = !"off".equalsIgnoreCase(action.get("Events"));
                respond(ack(action, "Authentication accepted"));
                if (events) {
                    event(new AmiMessage().with("Event", "FullyBooted").with("Privilege", "system,all")
                            .with("Uptime", 1).with("LastReload", 1).with("Status", "Fully Booted"));
                }
            }
            case "logoff" -> {
                respond(new AmiMessage().with("Response", "Goodbye").with("ActionID", action.get("ActionID"))
                        .with("Message", "Thanks for all the fish."));
                return false;
            }
            case "" -> respond(error(action, "Missing action in request"));
            default -> {
                if (!authenticated) {
                    // manager.c process_message: only Login, Logoff and Challenge before authentication.
                    respond(error(action, "Permission denied"));
                } else {
                    actions.handle(action);
                }
            }
        }
        return true;
    }

    private boolean credentialsMatch(AmiMessage login) {
        if (!ami.username().equals(login.get("Username"))) {
            return false;
        }
        if ("MD5".equalsIgnoreCase(login.get("AuthType"))) {
            return md5(challenge + ami.secret()).equalsIgnoreCase(login.get("Key"));
        }
        return ami.secret().equals(login.get("Secret"));
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Response: Success}, the ActionID echoed when given, then {@code Message:} (astman_send_ack). */
    static AmiMessage ack(AmiMessage action, String message) {
        AmiMessage response = new AmiMessage().with("Response", "Success");
        if (!action.get("ActionID").isEmpty()) {
            response.with("ActionID", action.get("ActionID"));
        }
        return message == null ? response : response.with("Message", message);
    }

    static AmiMessage error(AmiMessage action, String message) {
        AmiMessage response = new AmiMessage().with("Response", "Error");
        if (!action.get("ActionID").isEmpty()) {
            response.with("ActionID", action.get("ActionID"));
        }
        return response.with("Message", message);
    }

    void respond(AmiMessage response) {
        write(response.wire());
    }

    void event(AmiMessage event) {
        if (authenticated && events) {
            write(event.wire());
        }
    }

    private synchronized void write(String text) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            close();
        }
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
