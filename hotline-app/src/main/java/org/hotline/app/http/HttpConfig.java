package org.hotline.app.http;

import java.nio.file.Path;
import java.util.Optional;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;

/**
 * @param bind address the HTTP server binds
 * @param port port it binds (0 picks a free one, for tests)
 * @param tls  the certificate and key of the optional TLS listener; empty means plain HTTP
 */
public record HttpConfig(String bind, int port, Optional<Tls> tls) {
    /**
     * PEM files of the TLS listener.
     *
     * @param certFile the certificate chain, leaf first
     * @param keyFile  its private key, PKCS#8
     */
    public record Tls(Path certFile, Path keyFile) {
    }

    public static HttpConfig from(Settings settings) {
        return new HttpConfig(settings.string("http.bind"), settings.port("http.port"), tls(settings));
    }

    /** Both files or neither: half a TLS configuration would silently serve plain HTTP. */
    private static Optional<Tls> tls(Settings settings) {
        String cert = settings.string("http.tls.cert-file");
        String key = settings.string("http.tls.key-file");
        if (cert.isEmpty() && key.isEmpty()) {
            return Optional.empty();
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new SettingsException("settings 'http.tls.cert-file' (" + Settings.environmentName("http.tls.cert-file")
                    + ") and 'http.tls.key-file' (" + Settings.environmentName("http.tls.key-file")
                    + ") must be set together, or both left empty for plain HTTP");
        }
        return Optional.of(new Tls(Path.of(cert), Path.of(key)));
    }

    /** Whether the listener itself speaks HTTPS. */
    public boolean https() {
        return tls.isPresent();
    }
}
