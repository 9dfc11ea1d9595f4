package org.hotline.acceptance.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import org.hotline.app.cluster.LeaseTiming;

/** The shared cluster secret file the members of a test cluster need, and the default lease timing. */
final class ClusterSecrets {
    static final LeaseTiming LEASE = new LeaseTiming(Duration.ofSeconds(1), Duration.ofSeconds(4),
            Duration.ofSeconds(6));

    private ClusterSecrets() {
    }

    /** {@code dir/cluster.secret}, made with a random secret on first use. */
    static synchronized Path in(Path dir) {
        Path file = dir.resolve("cluster.secret");
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random));
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
