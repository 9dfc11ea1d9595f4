package org.hotline.acceptance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
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
import org.hotline.acceptance.SelfSignedCertificate;
import org.hotline.app.cluster.ClusterConfig;
import org.hotline.app.cluster.ClusterVertx;
import org.hotline.app.cluster.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event-bus TLS with client certificates: members holding certificates from the cluster's CA exchange messages;
 * a member whose certificate the CA did not sign joins Hazelcast (which only knows addresses) but can neither
 * deliver to the others' consumers, though it trusts their CA, nor be delivered to.
 */
class EventBusTlsTest {
    private static final String ADDRESS = "hotline.test.tls";

    @TempDir
    Path dir;
    private final List<Vertx> members = new ArrayList<>();

    @AfterEach
    void leave() throws Exception {
        for (Vertx member : members) {
            member.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void membersWithTheClustersCertificateTalkAndAStrangerIsRefused() throws Exception {
        SelfSignedCertificate cluster = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("ca")));
        SelfSignedCertificate stranger = SelfSignedCertificate.create(Files.createDirectories(dir.resolve("x")));
        int[] ports = {freePort(), freePort(), freePort()};
        List<String> all = List.of("127.0.0.1:" + ports[0], "127.0.0.1:" + ports[1], "127.0.0.1:" + ports[2]);

        Vertx first = join(all, ports[0], cluster.certFile(), cluster.keyFile(), cluster.certFile());
        Vertx second = join(all, ports[1], cluster.certFile(), cluster.keyFile(), cluster.certFile());
        // The intruder trusts the cluster's CA, so only the members' demand for a client certificate the CA signed
        // can keep it out (without client authentication its messages would be delivered).
        Vertx intruder = join(all, ports[2], stranger.certFile(), stranger.keyFile(), cluster.certFile());
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        first.eventBus().<String>consumer(ADDRESS, message -> {
            heard.add(message.body());
            message.reply("heard " + message.body());
        }).completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(request(second, ADDRESS, "hello")).isEqualTo("heard hello");
        // The intruder's connection fails its TLS handshake: nothing it sends arrives. (Its reply could not come
        // back to it either way, so the proof is what the member heard, not the failed request.)
        assertThatThrownBy(() -> request(intruder, ADDRESS, "let me in")).isInstanceOf(Exception.class);
        assertThat(heard).containsExactly("hello");

        // Nor does anything reach it.
        List<String> leaked = new java.util.concurrent.CopyOnWriteArrayList<>();
        intruder.eventBus().<String>consumer(ADDRESS + ".intruder", message -> {
            leaked.add(message.body());
            message.reply("leaked");
        }).completion().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> request(first, ADDRESS + ".intruder", "secret")).isInstanceOf(Exception.class);
        assertThat(leaked).isEmpty();
    }

    private static String request(Vertx from, String address, String body) throws Exception {
        return from.eventBus().<String>request(address, body,
                        new io.vertx.core.eventbus.DeliveryOptions().setSendTimeout(5_000))
                .map(reply -> reply.body()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Vertx join(List<String> all, int port, Path cert, Path key, Path ca) throws Exception {
        ClusterConfig config = new ClusterConfig(Set.of(Role.DISPATCH), true, "tls-test", all, "127.0.0.1", port, 0,
                Duration.ofSeconds(3), new ClusterConfig.Tls(cert, key, ca), ClusterSecrets.in(dir),
                ClusterSecrets.LEASE);
        Future<ClusterVertx.ClusterMember> joined = ClusterVertx.join(config, new VertxOptions(), Vertx.builder());
        Vertx vertx = joined.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).vertx();
        members.add(vertx);
        return vertx;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
