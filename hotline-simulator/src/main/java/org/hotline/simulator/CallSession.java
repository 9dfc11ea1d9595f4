package org.hotline.simulator;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a {@link FakeCall}: the socket, the command loop and the caller's hangup. Everything happens on
 * the thread that called {@link FakeCall#run}, so no state here is shared.
 */
final class CallSession {
    private static final Logger log = LoggerFactory.getLogger(CallSession.class);
    private static final long MAX_CONNECT_MILLIS = 10_000;

    private final FakeCall call;
    private final long startNanos = System.nanoTime();
    private final long deadlineNanos;
    /** When hangupAfter fires, or null: a sentinel would break nanoTime's wrap-around arithmetic. */
    private final Long hangupAtNanos;
    private final List<String> commands = new ArrayList<>();
    private final CommandResponder responder;
    private LineSocket socket;
    private boolean callerHungUp;
    private boolean closedByServer;
    private long endNanos;

    CallSession(FakeCall call, Duration timeout) {
        this.call = call;
        this.deadlineNanos = startNanos + saturatedNanos(timeout);
        this.hangupAtNanos = call.hangupAfter == null ? null : startNanos + saturatedNanos(call.hangupAfter);
        this.responder = new CommandResponder(new CallerInput(call.input), call.variables, call.promptTiming,
                this::pause, System::nanoTime, call.header.getOrDefault("agi_language", "en"));
        this.responder.speaksWhenRecording(call.speech);
        this.responder.missingSoundsFail(call.missingSoundsFail);
    }

    CallRecord run() {
        LineSocket connected;
        try {
            connected = connect();
        } catch (IOException e) {
            throw new FakeCallException("call " + call.uniqueId + " could not connect to " + call.host + ":"
                    + call.port + ": " + e.getMessage(), null, e);
        }
        try (connected) {
            socket = connected;
            log.debug("call {} connected", call.uniqueId);
            if (send(AgiHeader.text(call.header))) {
                converse();
            }
            log.debug("call {} ended after {} commands, closedByServer={}, callerHungUp={}", call.uniqueId,
                    commands.size(), closedByServer, callerHungUp);
            return record();
        } catch (SocketTimeoutException | TimedOut e) {
            log.debug("call {} timed out after {} commands", call.uniqueId, commands.size());
            throw new FakeCallTimeoutException("call " + call.uniqueId + " did not end within its timeout", record());
        } catch (IOException e) {
            throw new FakeCallException("call " + call.uniqueId + " failed: " + e.getMessage(), record(), e);
        }
    }

    private LineSocket connect() throws IOException {
        long remaining = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
        return LineSocket.connect(call.host, call.port, Math.clamp(remaining, 1, MAX_CONNECT_MILLIS));
    }

    private void converse() throws IOException {
        while (true) {
            String line = socket.readLine(deadlineNanos);
            if (line == null) {
                closedByServer = true;
                return;
            }
            commands.add(line);
            call.onCommand.accept(line);
            AgiCommand command = AgiCommand.parse(line);
            log.debug("call {} command {}", call.uniqueId, command.label());
            boolean goOn = callerHangsUpAt(line) ? hangUp() : answer(command);
            if (!goOn) {
                return;
            }
        }
    }

    /** Answers one command; false when the conversation is over. */
    private boolean answer(AgiCommand command) throws IOException {
        String reply;
        try {
            reply = responder.respond(command);
        } catch (SessionInterrupt interrupt) {
            return switch (interrupt.reason()) {
                case SERVER_CLOSED -> {
                    closedByServer = true;
                    yield false;
                }
                case CALLER_HANGS_UP -> hangUp();
                case TIMED_OUT -> throw new TimedOut();
            };
        }
        return send(reply);
    }

    private boolean callerHangsUpAt(String line) {
        if (responder.hungUp()) {
            return false;
        }
        boolean late = hangupAtNanos != null && System.nanoTime() - hangupAtNanos >= 0;
        return late || call.hangupWhen.test(line);
    }

    /** The caller hangs up in place of answering the current command; false when the socket was dropped. */
    private boolean hangUp() {
        log.debug("call {} caller hangs up by {}", call.uniqueId, call.hangupStyle);
        responder.hangUp();
        callerHungUp = true;
        if (call.hangupStyle == HangupStyle.EOF) {
            endNanos = System.nanoTime();
            closeQuietly();
            return false;
        }
        // Asterisk announces the hangup on its own line, then fails the command in progress.
        return send("HANGUP\n") && send("200 result=-1\n");
    }

    /** Writes a reply; false if the server has already gone. */
    private boolean send(String text) {
        try {
            socket.write(text.endsWith("\n") ? text : text + "\n");
            return true;
        } catch (IOException e) {
            // A write only fails on a broken pipe or a reset: the server closed its end.
            closedByServer = true;
            return false;
        }
    }

    /** Waits like Asterisk playing or listening, but ends early if the server closes, the caller hangs up or time runs out. */
    private void pause(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        long wantedNanos = System.nanoTime() + saturatedNanos(duration);
        SessionInterrupt.Reason cutShortBy = null;
        long untilNanos = wantedNanos;
        if (hangupAtNanos != null && !responder.hungUp() && hangupAtNanos - untilNanos < 0) {
            untilNanos = hangupAtNanos;
            cutShortBy = SessionInterrupt.Reason.CALLER_HANGS_UP;
        }
        if (deadlineNanos - untilNanos < 0) {
            untilNanos = deadlineNanos;
            cutShortBy = SessionInterrupt.Reason.TIMED_OUT;
        }
        boolean closed;
        try {
            closed = socket.awaitClosed(untilNanos, false);
        } catch (IOException e) {
            closed = true;
        }
        if (closed) {
            throw new SessionInterrupt(SessionInterrupt.Reason.SERVER_CLOSED);
        }
        if (cutShortBy != null) {
            throw new SessionInterrupt(cutShortBy);
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("call {} close failed", call.uniqueId, e);
        }
    }

    private CallRecord record() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        return new CallRecord(call.uniqueId, commands, responder.variables(), responder.prompts(),
                responder.hungUp(), callerHungUp, closedByServer, Duration.ofNanos(end - startNanos));
    }

    private static long saturatedNanos(Duration duration) {
        // Durations beyond ~292 years overflow toNanos(); a day is plenty for "never".
        return duration.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1).toNanos() : duration.toNanos();
    }

    /** The run deadline passed during a playback or listening wait. */
    private static final class TimedOut extends IOException {
        private static final long serialVersionUID = 1L;
    }
}
