package org.hotline.agi.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.hotline.core.config.Settings;
import org.hotline.core.config.SettingsException;

/**
 * The FastAGI server's network settings and limits.
 *
 * @param bind            address to bind
 * @param port            port to bind (0 picks a free one, for tests)
 * @param allowedHosts    Asterisk hosts allowed to connect; others are closed at once
 * @param headerTimeout   time allowed for the whole request header
 * @param maxHeaderLines  header lines accepted before the blank line
 * @param maxLineLength   longest line accepted, in bytes
 * @param replyTimeout    longest wait for one reply from Asterisk
 * @param refusalLogInterval at most one warning line per refusal reason per interval under a flood (zero: each)
 */
public record AgiServerConfig(InetAddress bind, int port, Set<InetAddress> allowedHosts, Duration headerTimeout,
                              int maxHeaderLines, int maxLineLength, Duration replyTimeout,
                              Duration refusalLogInterval) {

    public static AgiServerConfig from(Settings settings) {
        Set<InetAddress> allowed = new LinkedHashSet<>();
        for (String host : settings.list("agi.allowed-hosts")) {
            allowed.add(address(host, "agi.allowed-hosts"));
        }
        return new AgiServerConfig(address(settings.string("agi.bind"), "agi.bind"), settings.port("agi.port"),
                Set.copyOf(allowed), settings.duration("agi.header-timeout"),
                settings.integer("agi.max-header-lines"), settings.integer("agi.max-line-length"),
                settings.duration("agi.reply-timeout"), settings.duration("agi.refusal-log-interval"));
    }

    private static InetAddress address(String text, String key) {
        try {
            // Literal addresses only: resolving names here would make the allowlist depend on DNS.
            if (!text.matches("[0-9a-fA-F:.]+")) {
                throw new SettingsException("setting '" + key + "' must hold IP addresses, not '" + text + "'");
            }
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new SettingsException("setting '" + key + "' holds an invalid address '" + text + "'");
        }
    }
}
