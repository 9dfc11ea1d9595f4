package org.hotline.callcontrol;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;

/**
 * The {@code ami.*} and {@code callcontrol.*} settings (hotline.properties).
 *
 * @param host           AMI host; empty means call control is off
 * @param port           AMI port
 * @param username       AMI user
 * @param secret         the AMI user's secret, read from {@code ami.secret-file}
 * @param actionTimeout  how long an action may go unanswered
 * @param ringTimeout    how long a phone we call rings
 * @param pingInterval   how often Asterisk is pinged
 * @param showSupervisor whether operators see that a supervisor is on their call
 */
public record CallControlConfig(String host, int port, String username, String secret, Duration actionTimeout,
                                Duration ringTimeout, Duration pingInterval, boolean showSupervisor) {

    public static CallControlConfig from(Settings settings) {
        String host = settings.string("ami.host").strip();
        String secret = host.isEmpty() ? "" : secret(settings.string("ami.secret-file"));
        return new CallControlConfig(host, settings.port("ami.port"), settings.string("ami.username"), secret,
                settings.duration("ami.action-timeout"), settings.duration("ami.ring-timeout"),
                settings.duration("ami.ping-interval"), settings.bool("callcontrol.show-supervisor"));
    }

    /** Whether AMI is configured at all. */
    public boolean enabled() {
        return !host.isEmpty();
    }

    private static String secret(String file) {
        if (file.isBlank()) {
            throw new StartupException("ami.host is set but ami.secret-file is empty (HOTLINE_AMI_SECRET_FILE): "
                    + "name the file holding the AMI user's secret.");
        }
        try {
            String secret = Files.readAllLines(Path.of(file)).stream().findFirst().orElse("").strip();
            if (secret.isEmpty()) {
                throw new StartupException("The AMI secret file " + file + " is empty.");
            }
            return secret;
        } catch (IOException e) {
            throw new StartupException("Cannot read the AMI secret file " + file + " (HOTLINE_AMI_SECRET_FILE): "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "CallControlConfig[host=" + host + ", port=" + port + ", username=" + username + "]";
    }
}
