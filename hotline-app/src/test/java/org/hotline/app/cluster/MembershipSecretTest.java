package org.hotline.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Hazelcast members on loopback: two that hold the cluster's secret form one cluster; a third that knows every
 * address and the cluster's name, but holds another secret, is refused and stays alone.
 */
class MembershipSecretTest {
    @TempDir
    Path dir;
    private final List<ClusterVertx.ClusterMember> members = new ArrayList<>();

    @AfterEach
    void leave() throws Exception {
        for (ClusterVertx.ClusterMember member : members) {
            member.vertx().close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMemberWithoutTheClustersSecretIsRefusedAtJoin() throws Exception {
        Path secret = Files.writeString(dir.resolve("cluster.secret"), "ab".repeat(32));
        Path other = Files.writeString(dir.resolve("other.secret"), "cd".repeat(32));
        List<Integer> ports = List.of(freePort(), freePort(), freePort());
        List<String> all = ports.stream().map(p -> "127.0.0.1:" + p).toList();

        var first = join(all, ports.get(0), secret);
        var second = join(all, ports.get(1), secret);
        await().atMost(Duration.ofSeconds(60)).until(() -> first.hazelcast().getCluster().getMembers().size() == 2);

        var intruder = join(all, ports.get(2), other);
        assertThat(intruder.hazelcast().getCluster().getMembers()).hasSize(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() ->
                first.hazelcast().getCluster().getMembers().size() == 2
                        && second.hazelcast().getCluster().getMembers().size() == 2
                        && intruder.hazelcast().getCluster().getMembers().size() == 1);
        // The name on the wire proves the secret without carrying it.
        assertThat(first.hazelcast().getConfig().getClusterName()).startsWith("hotline-")
                .doesNotContain("ab".repeat(16));
    }

    private ClusterVertx.ClusterMember join(List<String> all, int port, Path secret) throws Exception {
        ClusterConfig config = new ClusterConfig(Set.of(Role.DISPATCH), true, "hotline", all, "127.0.0.1", port, 0,
                Duration.ofSeconds(3), null, secret, new LeaseTiming(Duration.ofSeconds(1), Duration.ofSeconds(4),
                Duration.ofSeconds(6)));
        var member = ClusterVertx.join(config, new VertxOptions(), Vertx.builder()).toCompletionStage()
                .toCompletableFuture().get(120, TimeUnit.SECONDS);
        members.add(member);
        return member;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
