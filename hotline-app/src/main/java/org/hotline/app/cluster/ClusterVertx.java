package org.hotline.app.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import io.vertx.core.Future;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.Vertx;
import io.vertx.spi.cluster.hazelcast.ConfigUtil;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;

/**
 * Builds the clustered Vert.x of a {@code cluster=hazelcast} member: Hazelcast finds the listed members over TCP/IP
 * only, each member advertises its roles, and the event bus runs on the same interface, with TLS and client
 * certificates when configured.
 */
public final class ClusterVertx {
    /** The member attribute that tells other members what this one runs. */
    static final String ROLES_ATTRIBUTE = "hotline.roles";
    /** The member attribute with its {@link ClusterConfig#node()} name. */
    static final String NODE_ATTRIBUTE = "hotline.node";

    private ClusterVertx() {
    }

    /** Joins the cluster; the future completes once this member is in it and its event bus listens. */
    public static Future<ClusterMember> join(ClusterConfig config, VertxOptions options, VertxBuilder builder) {
        HazelcastClusterManager manager = new HazelcastClusterManager(hazelcast(config));
        options.setEventBusOptions(eventBus(config));
        return builder.with(options).withClusterManager(manager).buildClustered()
                .map(vertx -> new ClusterMember(vertx, manager.getHazelcastInstance()));
    }

    private static Config hazelcast(ClusterConfig config) {
        // Vert.x's own defaults (its maps, multimaps and semaphores), then our network and membership.
        Config hazelcast = ConfigUtil.loadConfig();
        // The name members must present to join: the configured name with a proof of the shared secret.
        hazelcast.setClusterName(MembershipSecret.clusterName(config.name(), config.secretFile()));
        long failureSeconds = Math.max(2, config.failureDetection().toSeconds());
        hazelcast.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        hazelcast.setProperty("hazelcast.max.no.heartbeat.seconds", String.valueOf(failureSeconds));
        hazelcast.setProperty("hazelcast.logging.type", "slf4j");
        hazelcast.setProperty("hazelcast.phone.home.enabled", "false");
        hazelcast.setProperty("hazelcast.shutdownhook.enabled", "false");
        hazelcast.getMemberAttributeConfig().setAttribute(ROLES_ATTRIBUTE, Role.codes(config.roles()));
        hazelcast.getMemberAttributeConfig().setAttribute(NODE_ATTRIBUTE, config.node());
        NetworkConfig network = hazelcast.getNetworkConfig();
        network.setPort(config.port()).setPortAutoIncrement(false).setPublicAddress(config.bind());
        network.getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(config.bind()));
        network.getRestApiConfig().setEnabled(false);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(config.members());
        return hazelcast;
    }

    private static EventBusOptions eventBus(ClusterConfig config) {
        EventBusOptions bus = new EventBusOptions().setHost(config.bind()).setPort(config.busPort())
                .setClusterPublicHost(config.bind());
        if (config.tls() != null) {
            // Both ways: members demand a certificate the cluster's CA signed, and check the one they are shown.
            // The event bus trusts every server by default (trustAll), which would hand intakes to any process
            // that joins the membership and listens with a certificate of its own.
            bus.setSsl(true).setTrustAll(false)
                    .setKeyCertOptions(new PemKeyCertOptions().setCertPath(config.tls().certFile().toString())
                            .setKeyPath(config.tls().keyFile().toString()))
                    .setTrustOptions(new PemTrustOptions().addCertPath(config.tls().caFile().toString()))
                    .setClientAuth(ClientAuth.REQUIRED);
        }
        return bus;
    }

    /** A joined member: its Vert.x and the Hazelcast instance the elections read. */
    public record ClusterMember(Vertx vertx, com.hazelcast.core.HazelcastInstance hazelcast) {
    }
}
