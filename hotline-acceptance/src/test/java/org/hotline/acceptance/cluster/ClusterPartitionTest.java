package org.hotline.acceptance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hotline.core.db.Tables.ROUTING_LEASE;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.acceptance.HotlineProcess;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real network partition: dispatch node A runs in a network namespace of its own, joined to the host by a veth
 * pair; dispatch node B and PostgreSQL run on the host. Taking the host's end of the pair down cuts A off from B
 * (Hazelcast) and from the database at once. A owned routing; during the split it must stop routing by itself
 * before B takes the lease, never both at once (read in the lease table, each node's {@code /metrics} and their
 * logs); after healing, B still owns and A stands by. Needs root with CAP_NET_ADMIN and {@code ip}; skipped
 * otherwise.
 */
class ClusterPartitionTest {
    private static final Duration LIMIT = Duration.ofSeconds(90);
    private static final Pattern TIME = Pattern.compile("(?m)^(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) .*");

    @TempDir
    Path dir;
    private final String namespace = "hlp" + ThreadLocalRandom.current().nextInt(100_000);
    private final String hostEnd = namespace + "h";
    private final String nodeEnd = namespace + "n";
    private final int subnet = ThreadLocalRandom.current().nextInt(1, 250);
    private final String hostIp = "10.231." + subnet + ".1";
    private final String nodeIp = "10.231." + subnet + ".2";
    private boolean namespaceMade;
    private EmbeddedPostgres postgres;
    private DSLContext db;
    private final List<HotlineProcess> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void network() throws Exception {
        Assumptions.assumeTrue(run("ip", "netns", "add", namespace) == 0,
                "network namespaces need root with CAP_NET_ADMIN and iproute2");
        namespaceMade = true;
        must("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", nodeEnd);
        must("ip", "link", "set", nodeEnd, "netns", namespace);
        must("ip", "addr", "add", hostIp + "/24", "dev", hostEnd);
        must("ip", "link", "set", hostEnd, "up");
        must("ip", "netns", "exec", namespace, "ip", "addr", "add", nodeIp + "/24", "dev", nodeEnd);
        must("ip", "netns", "exec", namespace, "ip", "link", "set", nodeEnd, "up");
        must("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");

        postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "*").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE hotline");
            var hba = statement.executeQuery("SHOW hba_file");
            hba.next();
            Files.writeString(Path.of(hba.getString(1)), "\nhost all all " + nodeIp + "/32 trust\n",
                    StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
            statement.execute("SELECT pg_reload_conf()");
        }
        db = DSL.using(postgres.getDatabase("postgres", "hotline"), SQLDialect.POSTGRES);
    }

    @AfterEach
    void cleanUp() throws Exception {
        nodes.forEach(HotlineProcess::kill9);
        for (HotlineProcess node : nodes) {
            Path logs = Path.of("target", "cluster-logs");
            Files.createDirectories(logs);
            Files.copy(node.logFile(), logs.resolve("partition-" + node.logFile().getFileName()),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (namespaceMade) {
            run("ip", "link", "del", hostEnd);
            run("ip", "netns", "del", namespace);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aPartitionNeverGivesTwoRoutingOwnersAndAfterHealingThereIsOne() throws Exception {
        int portA = freePort();
        int portB = freePort();
        Map<String, String> common = new HashMap<>(Map.of("cluster", "hazelcast",
                "cluster.members", nodeIp + ":" + portA + "," + hostIp + ":" + portB,
                "cluster.failure-detection", "3s", "db.user", "postgres", "roles", "dispatch",
                "cluster.secret-file", ClusterSecrets.in(dir).toString(),
                "screen.secret-file", dir.resolve("screen.secret").toString(),
                "pseudonym.key-file", dir.resolve("pseudonym.key").toString()));
        Map<String, String> a = new HashMap<>(common);
        // A's management server (where /metrics is) listens on its namespace's address, so the host can read it.
        a.putAll(Map.of("cluster.bind", nodeIp, "cluster.port", String.valueOf(portA), "http.bind", nodeIp,
                "management.host", nodeIp,
                "db.url", "jdbc:postgresql://" + hostIp + ":" + postgres.getPort() + "/hotline"));
        Map<String, String> b = new HashMap<>(common);
        b.putAll(Map.of("cluster.bind", hostIp, "cluster.port", String.valueOf(portB),
                "db.url", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/hotline"));

        HotlineProcess nodeA = HotlineProcess.startUnder(List.of("ip", "netns", "exec", namespace),
                dir.resolve("a"), "dispatch-a", a);
        nodes.add(nodeA);
        await().atMost(LIMIT).until(() -> nodeA.output().contains("This node now owns routing"));
        HotlineProcess nodeB = HotlineProcess.start(dir.resolve("b"), "dispatch-b", b);
        nodes.add(nodeB);
        String metricsA = "http://" + nodeIp + ":" + nodeA.managementPort() + "/metrics";
        String metricsB = "http://127.0.0.1:" + nodeB.managementPort() + "/metrics";
        await().atMost(LIMIT).until(() -> owner(metricsA) == 1 && owner(metricsB) == 0);
        assertThat(db.fetchValue(ROUTING_LEASE.HOLDER)).isEqualTo(nodeIp + ":" + portA);

        // The split: A can reach neither B nor the database.
        must("ip", "link", "set", hostEnd, "down");
        await().atMost(LIMIT).until(() -> nodeB.output().contains("This node now owns routing"));
        String stoodDown = line(nodeA.output(), "this node stopped routing before the lease can expire");
        String tookOver = line(nodeB.output(), "This node took the routing lease");
        assertThat(time(stoodDown)).as("A stopped routing before B took the lease").isBefore(time(tookOver));
        assertThat(db.fetchValue(ROUTING_LEASE.HOLDER)).isEqualTo(hostIp + ":" + portB);
        assertThat(db.fetchValue(ROUTING_LEASE.TOKEN)).isEqualTo(2L);
        assertThat(owner(metricsB)).isEqualTo(1);
        // Read from inside A's namespace while the split lasts: A does not route either.
        assertThat(ownerFromInside(nodeA.managementPort())).as("A's hotline_routing_owner during the split").isZero();

        // Healed: B keeps the lease; A, back in the cluster and at the database, stands by.
        must("ip", "link", "set", hostEnd, "up");
        await().atMost(LIMIT).until(() -> owner(metricsA) == 0);
        await().during(Duration.ofSeconds(5)).atMost(LIMIT).until(() -> owner(metricsA) == 0
                && owner(metricsB) == 1 && (hostIp + ":" + portB).equals(db.fetchValue(ROUTING_LEASE.HOLDER)));
        assertThat(nodeA.output().split("This node now owns routing", -1)).hasSize(2);
    }

    /** {@code hotline_routing_owner} from a node's /metrics, or -1 when it cannot be read. */
    private int owner(String url) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("(?m)^hotline_routing_owner(?:\\{[^}]*\\})? ([0-9.]+)").matcher(
                    response.body());
            return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code hotline_routing_owner} of node A read by curl inside its namespace, or -1. */
    private int ownerFromInside(int managementPort) throws Exception {
        Process curl = new ProcessBuilder("ip", "netns", "exec", namespace, "curl", "-s", "--max-time", "5",
                "http://" + nodeIp + ":" + managementPort + "/metrics").redirectErrorStream(true).start();
        String body = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        curl.waitFor(30, TimeUnit.SECONDS);
        Matcher m = Pattern.compile("(?m)^hotline_routing_owner(?:\\{[^}]*\\})? ([0-9.]+)").matcher(body);
        return m.find() ? (int) Double.parseDouble(m.group(1)) : -1;
    }

    private static String line(String output, String containing) {
        return output.lines().filter(l -> l.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with '" + containing + "' in:\n" + output));
    }

    private static LocalTime time(String line) {
        Matcher m = TIME.matcher(line);
        assertThat(m.matches()).as("a log line starting with its time: %s", line).isTrue();
        return LocalTime.parse(m.group(1));
    }

    private static void must(String... command) throws Exception {
        assertThat(run(command)).as(String.join(" ", command)).isZero();
    }

    private static int run(String... command) throws Exception {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            if (process.exitValue() != 0) {
                System.err.println(String.join(" ", command) + ": " + out);
            }
            return process.exitValue();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
