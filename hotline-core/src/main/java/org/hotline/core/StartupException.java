package org.hotline.core;

/**
 * Start-up cannot go on for a reason a person can fix: a port in use, an unwritable data directory, a locked
 * database. The message is one plain sentence; the launcher prints it instead of a stack trace.
 */
public final class StartupException extends RuntimeException {
    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
