package org.hotline.app.http;

import org.hotline.core.config.Settings;

/**
 * Where the management server listens: {@code /metrics} and the detailed {@code /health}, kept off the screen's
 * port because they show how the hotline is doing (operator coverage per language included) to whoever asks.
 *
 * @param host address it binds: loopback by default, so only this machine (and an SSH tunnel) can scrape it
 * @param port port it binds (0 picks a free one, for tests)
 */
public record ManagementConfig(String host, int port) {
    public static ManagementConfig from(Settings settings) {
        return new ManagementConfig(settings.string("management.host"), settings.port("management.port"));
    }
}
