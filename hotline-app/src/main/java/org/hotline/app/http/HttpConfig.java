package org.hotline.app.http;

import org.hotline.core.config.Settings;

/**
 * @param bind address the HTTP server binds
 * @param port port it binds (0 picks a free one, for tests)
 */
public record HttpConfig(String bind, int port) {
    public static HttpConfig from(Settings settings) {
        return new HttpConfig(settings.string("http.bind"), settings.port("http.port"));
    }
}
