package org.hotline.app.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;

/**
 * The {@code roles} and {@code cluster.*} settings.
 *
 * @param roles            what this process runs
 * @param clustered        {@code cluster=hazelcast}
 * @param name             members join only a cluster of the same name
 * @param members          every member's host:port
 * @param bind             the interface for Hazelcast and the event bus
 * @param port             Hazelcast's port
 * @param busPort          the event bus's port, 0 for any
 * @param failureDetection how long a silent member stays a member
 * @param tls              event-bus TLS with client certificates, or null when off
 * @param secretFile       the shared cluster secret every member must hold to join (null when not clustered)
 * @param lease            the routing lease's renewal, self-fence and timeout
 */
public record ClusterConfig(Set<Role> roles, boolean clustered, String name, List<String> members, String bind,
                            int port, int busPort, Duration failureDetection, Tls tls, Path secretFile,
                            LeaseTiming lease) {

    /** PEM files for event-bus TLS: this member's certificate and key, and the CA that signs every member. */
    public record Tls(Path certFile, Path keyFile, Path caFile) {
    }

    public static ClusterConfig from(Settings settings) {
        Set<Role> roles = Role.parse(settings.list("roles"));
        String mode = settings.string("cluster");
        boolean clustered = switch (mode) {
            case "none" -> false;
            case "hazelcast" -> true;
            default -> throw new StartupException("HOTLINE_CLUSTER must be none or hazelcast, not '" + mode + "'.");
        };
        List<String> members = settings.list("cluster.members");
        if (clustered && members.isEmpty()) {
            throw new StartupException("HOTLINE_CLUSTER=hazelcast needs HOTLINE_CLUSTER_MEMBERS: every member's "
                    + "host:port, this one included.");
        }
        if (clustered && settings.string("db.url").isBlank()) {
            throw new StartupException("HOTLINE_CLUSTER=hazelcast needs a shared database: set HOTLINE_DB_URL to a "
                    + "jdbc:postgresql:// URL (the embedded H2 belongs to one process).");
        }
        if (!clustered && !roles.equals(Set.of(Role.values()))) {
            throw new StartupException("A process that runs only some roles (HOTLINE_ROLES) is part of a cluster: "
                    + "set HOTLINE_CLUSTER=hazelcast.");
        }
        String secret = settings.string("cluster.secret-file");
        if (clustered && secret.isBlank()) {
            throw new StartupException("HOTLINE_CLUSTER=hazelcast needs HOTLINE_CLUSTER_SECRET_FILE: a file holding the "
                    + "cluster's shared secret, the same on every member (at least 32 bytes of hex, for example from "
                    + "'openssl rand -hex 32'); a member without it cannot join.");
        }
        return new ClusterConfig(roles, clustered, settings.string("cluster.name"), members,
                settings.string("cluster.bind"), settings.integer("cluster.port"), settings.integer("cluster.bus-port"),
                settings.duration("cluster.failure-detection"), tls(settings),
                secret.isBlank() ? null : Path.of(secret), LeaseTiming.from(settings));
    }

    private static Tls tls(Settings settings) {
        List<String> files = List.of(settings.string("cluster.tls.cert-file"), settings.string("cluster.tls.key-file"),
                settings.string("cluster.tls.ca-file"));
        long set = files.stream().filter(f -> !f.isBlank()).count();
        if (set == 0) {
            return null;
        }
        if (set < 3) {
            throw new StartupException("Event-bus TLS needs all three of HOTLINE_CLUSTER_TLS_CERT_FILE, "
                    + "HOTLINE_CLUSTER_TLS_KEY_FILE and HOTLINE_CLUSTER_TLS_CA_FILE.");
        }
        return new Tls(Path.of(files.get(0)), Path.of(files.get(1)), Path.of(files.get(2)));
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }

    /**
     * This member's name, stamped on the calls its IVR runs: its cluster address, stable across restarts, so a
     * restarted node closes what it left behind and nothing of its peers'.
     */
    public String node() {
        return clustered ? bind + ":" + port : org.hotline.core.call.JooqCallJournal.SINGLE_NODE;
    }
}
