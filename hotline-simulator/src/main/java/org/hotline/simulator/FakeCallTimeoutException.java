package org.hotline.simulator;

/**
 * The run timeout of a {@link FakeCall} passed before the server closed the socket: the server went quiet,
 * or kept a hung-up call open. {@link #partialRecord()} shows how far the call got.
 */
public final class FakeCallTimeoutException extends FakeCallException {
    private static final long serialVersionUID = 1L;

    FakeCallTimeoutException(String message, CallRecord partialRecord) {
        super(message, partialRecord, null);
    }
}
