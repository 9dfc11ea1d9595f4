package org.hotline.app.cluster;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.core.StartupException;
import org.hotline.core.storage.SecretFile;

/**
 * Hazelcast membership checked against the cluster's shared secret ({@code cluster.secret-file}). The open-source
 * Hazelcast this runs on has neither member authentication nor TLS on its member protocol (both are Enterprise
 * features), but every join request carries the cluster name and a member refuses a joiner whose name differs. So
 * the name members use is the configured one followed by an HMAC-SHA256 of it under the secret: a process without the
 * secret cannot compute it and is refused at join, and the secret itself never crosses the network.
 *
 * <p>It is not cryptographic authentication: the name travels in clear, so someone who can read member traffic can
 * replay it. Keep {@code cluster.port} firewalled to the members, and the event bus on TLS ({@code cluster.tls.*}).
 */
final class MembershipSecret {
    /** Secrets shorter than this are refused at start. */
    static final int BYTES = 32;
    private static final int PROOF_HEX = 32;

    private MembershipSecret() {
    }

    /** The Hazelcast cluster name for {@code name} under the secret in {@code secretFile}. */
    static String clusterName(String name, Path secretFile) {
        if (secretFile == null) {
            throw new StartupException("HOTLINE_CLUSTER=hazelcast needs HOTLINE_CLUSTER_SECRET_FILE.");
        }
        return name + "-" + proof(name, SecretFile.read(secretFile, BYTES));
    }

    static String proof(String name, String secretHex) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex.substring(0, secretHex.length() & ~1)),
                    "HmacSHA256"));
            byte[] digest = mac.doFinal(("hotline-cluster-membership:" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, PROOF_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
