package org.hotline.simulator;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one {@link FakeCall} saw: every command the server sent, the variables it left on the channel, the
 * prompts it played and how the call ended. Immutable.
 */
public final class CallRecord {
    private final String uniqueId;
    private final List<String> commands;
    private final Map<String, String> variables;
    private final List<String> prompts;
    private final boolean hungUp;
    private final boolean callerHungUp;
    private final boolean closedByServer;
    private final Duration duration;

    CallRecord(String uniqueId, List<String> commands, Map<String, String> variables, List<String> prompts,
            boolean hungUp, boolean callerHungUp, boolean closedByServer, Duration duration) {
        this.uniqueId = uniqueId;
        this.commands = List.copyOf(commands);
        // LinkedHashMap keeps the order variables were first set, which makes failing assertions readable.
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.prompts = List.copyOf(prompts);
        this.hungUp = hungUp;
        this.callerHungUp = callerHungUp;
        this.closedByServer = closedByServer;
        this.duration = duration;
    }

    /** The {@code agi_uniqueid} this call sent. */
    public String uniqueId() {
        return uniqueId;
    }

    /** Every command line the server sent, in order, as received (without the line end). */
    public List<String> commands() {
        return commands;
    }

    /** The channel variables at the end: the presets, overwritten by every accepted {@code SET VARIABLE}. */
    public Map<String, String> variables() {
        return variables;
    }

    /** One channel variable at the end of the call. */
    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    /** Every file named by STREAM FILE, GET DATA, GET OPTION, RECORD FILE or EXEC Playback/BackGround, in order. */
    public List<String> prompts() {
        return prompts;
    }

    /** The channel was hung up: by the scripted caller, or by the server's {@code HANGUP} command. */
    public boolean hungUp() {
        return hungUp;
    }

    /** The scripted caller hung up (hangupWhen or hangupAfter fired), as opposed to the server hanging up. */
    public boolean callerHungUp() {
        return callerHungUp;
    }

    /** The server closed the socket, which is how every FastAGI conversation should end. */
    public boolean closedByServer() {
        return closedByServer;
    }

    /** From connect to the end of the conversation. */
    public Duration duration() {
        return duration;
    }

    /** A summary without any caller data, safe to log. */
    @Override
    public String toString() {
        return "CallRecord[uniqueId=" + uniqueId + ", commands=" + commands.size() + ", prompts=" + prompts.size()
                + ", hungUp=" + hungUp + ", callerHungUp=" + callerHungUp + ", closedByServer=" + closedByServer
                + ", duration=" + duration + "]";
    }
}
