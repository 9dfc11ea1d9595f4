package org.hotline.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hotline under an e2e ramp: one server JVM ({@link #single}), or a cluster ({@link #cluster}) of two FastAGI
 * nodes and one dispatch node, each its own JVM, joined over Hazelcast on loopback and sharing an embedded
 * PostgreSQL. Calls go to every FastAGI port in turn; operators sign in on the dispatch node; CPU, heap and
 * threads add up over every JVM.
 */
final class E2eServers implements AutoCloseable {
    private final List<ServerJvm> jvms;
    private final ServerJvm dispatch;
    private final List<Integer> agiPorts;
    private final EmbeddedPostgres postgres;

    private E2eServers(List<ServerJvm> jvms, ServerJvm dispatch, List<Integer> agiPorts, EmbeddedPostgres postgres) {
        this.jvms = jvms;
        this.dispatch = dispatch;
        this.agiPorts = agiPorts;
        this.postgres = postgres;
    }

    /** The whole hotline in one JVM, on its embedded H2. */
    static E2eServers single(List<String> jvmFlags, List<String> args, Path log) {
        ServerJvm jvm = ServerJvm.start(AppBenchServer.class, jvmFlags, args, log);
        return new E2eServers(List.of(jvm), jvm, List.of(jvm.port()), null);
    }

    /** The cluster's shared secret (cluster.secret-file), one random file for every node of the run. */
    private static Path clusterSecret(Path data) {
        try {
            java.nio.file.Files.createDirectories(data);
            byte[] random = new byte[32];
            new java.security.SecureRandom().nextBytes(random);
            return java.nio.file.Files.writeString(data.resolve("cluster.secret"),
                    java.util.HexFormat.of().formatHex(random));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Two FastAGI nodes and a dispatch node (which adds the operators) on one PostgreSQL. {@code args} are
     * {@link AppBenchServer}'s common arguments; {@code data} gets one directory per node.
     */
    static E2eServers cluster(List<String> jvmFlags, List<String> args, Path data, Path logs, String name) {
        EmbeddedPostgres postgres = startPostgres();
        List<ServerJvm> started = new ArrayList<>();
        try {
            Map<String, Integer> hazelcast = new LinkedHashMap<>();
            for (String node : List.of("dispatch", "agi-1", "agi-2")) {
                hazelcast.put(node, freePort());
            }
            String members = String.join(",", hazelcast.values().stream().map(p -> "127.0.0.1:" + p).toList());
            List<String> common = new ArrayList<>(args.stream().filter(a -> !a.startsWith("data=")
                    && !a.startsWith("operators=")).toList());
            Path secret = clusterSecret(data);
            common.addAll(List.of("set.cluster=hazelcast", "set.cluster.members=" + members,
                    "set.cluster.secret-file=" + secret,
                    "set.db.url=" + postgres.getJdbcUrl("postgres", "hotline"), "set.db.user=postgres",
                    "set.screen.secret-file=" + data.resolve("screen.secret"),
                    "set.pseudonym.key-file=" + data.resolve("pseudonym.key")));
            String operators = args.stream().filter(a -> a.startsWith("operators=")).findFirst().orElse("operators=50");
            ServerJvm dispatch = null;
            List<Integer> agiPorts = new ArrayList<>();
            for (var node : hazelcast.entrySet()) {
                boolean isDispatch = node.getKey().equals("dispatch");
                List<String> nodeArgs = new ArrayList<>(common);
                nodeArgs.addAll(List.of("data=" + data.resolve(node.getKey()), isDispatch ? operators : "operators=0",
                        "set.roles=" + (isDispatch ? "dispatch" : "agi"), "set.cluster.port=" + node.getValue()));
                ServerJvm jvm = ServerJvm.start(AppBenchServer.class, jvmFlags, nodeArgs,
                        logs.resolve(name + "-" + node.getKey() + ".log"));
                started.add(jvm);
                if (isDispatch) {
                    dispatch = jvm;
                } else {
                    agiPorts.add(jvm.port());
                }
            }
            return new E2eServers(List.copyOf(started), dispatch, List.copyOf(agiPorts), postgres);
        } catch (RuntimeException e) {
            started.forEach(ServerJvm::close);
            closeQuietly(postgres);
            throw e;
        }
    }

    List<Integer> agiPorts() {
        return agiPorts;
    }

    /** The JVM with the HTTP screen and the operators: the only one in a single run. */
    ServerJvm dispatch() {
        return dispatch;
    }

    boolean clustered() {
        return jvms.size() > 1;
    }

    /** {@code probe} of every JVM, added up: CPU nanoseconds, heap in use, threads, open FastAGI connections. */
    Map<String, String> probe(Duration limit) {
        long cpu = 0;
        long heap = 0;
        long threads = 0;
        long agiOpen = 0;
        for (ServerJvm jvm : jvms) {
            Map<String, String> figures = jvm.ask("probe", limit);
            cpu += Long.parseLong(figures.get("cpu"));
            heap += Long.parseLong(figures.get("heapUsed"));
            threads += Long.parseLong(figures.get("threads"));
            agiOpen += Long.parseLong(figures.get("agiOpen"));
        }
        return Map.of("cpu", String.valueOf(cpu), "heapUsed", String.valueOf(heap), "threads",
                String.valueOf(threads), "agiOpen", String.valueOf(agiOpen));
    }

    /** Warnings of every JVM, counted by message. */
    Map<String, Long> warnings() {
        Map<String, Long> all = new LinkedHashMap<>();
        jvms.forEach(jvm -> jvm.warnings().forEach((message, count) -> all.merge(message, count, Long::sum)));
        return all;
    }

    @Override
    public void close() {
        jvms.forEach(ServerJvm::close);
        if (postgres != null) {
            closeQuietly(postgres);
        }
    }

    private static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE hotline");
            }
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the cluster's database", e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            // the run is over either way
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
