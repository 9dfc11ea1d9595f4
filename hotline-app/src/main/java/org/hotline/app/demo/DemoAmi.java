package org.hotline.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import org.hotline.core.config.Settings;
import org.hotline.simulator.ami.FakeAmi;

/** The demo's fake AMI: a random secret in an owner-only file in the data directory, and the settings to reach it. */
public final class DemoAmi {
    private static final String USER = "hotline";
    private static final String SECRET_FILE = "demo-ami.secret";

    private DemoAmi() {
    }

    /** Starts the fake AMI on a free loopback port, its secret written to {@code <data dir>/demo-ami.secret}. */
    public static FakeAmi start(Settings settings) {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String secret = HexFormat.of().formatHex(bytes);
        try {
            Path dir = settings.path("data.dir");
            Files.createDirectories(dir);
            Path file = dir.resolve(SECRET_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n");
            return FakeAmi.start(USER, secret);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo's fake AMI could not start", e);
        }
    }

    /** The ami.* settings that point the hotline at it. */
    public static Map<String, String> settings(Settings settings, FakeAmi ami) {
        return Map.of("ami.host", "127.0.0.1", "ami.port", Integer.toString(ami.port()), "ami.username", USER,
                "ami.secret-file", settings.path("data.dir").resolve(SECRET_FILE).toString());
    }
}
