package org.hotline.core.config;

/** A setting is unknown or malformed; the message names it and says what was expected. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
