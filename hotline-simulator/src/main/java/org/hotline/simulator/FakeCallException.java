package org.hotline.simulator;

import java.util.Optional;

/**
 * A {@link FakeCall} could not run to its end: the server could not be reached, or the conversation broke
 * in a way a real Asterisk would not shrug off. A server that closes the socket is not a failure; that is
 * how every FastAGI call is meant to end.
 */
public class FakeCallException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient CallRecord partialRecord;

    FakeCallException(String message, CallRecord partialRecord, Throwable cause) {
        super(message, cause);
        this.partialRecord = partialRecord;
    }

    /** What the call saw before it failed, if it got as far as connecting. */
    public Optional<CallRecord> partialRecord() {
        return Optional.ofNullable(partialRecord);
    }
}
