package org.hotline.bench;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.hotline.core.call.Language;
import org.hotline.dispatch.operators.JooqOperatorDirectory;
import org.hotline.dispatch.operators.NewOperator;
import org.hotline.dispatch.operators.Role;
import org.jooq.DSLContext;

/**
 * Synthetic operators for the benchmarks, added through the operator directory before the floor opens: they speak
 * every language and share one random password.
 *
 * <p>Their hash is Argon2id in the same PHC format the hotline verifies, but with the smallest cost (64 KiB, one
 * pass) instead of the production 19 MiB and two passes. The parameters travel with each hash, so the real
 * sign-in path checks it unchanged; it only lets a few hundred operators sign in within seconds on two cores.
 * Sign-in cost is not what these benchmarks measure.
 */
final class BenchOperators {
    private static final int MEMORY_KIB = 64;

    private BenchOperators() {
    }

    /** Adds {@code count} operators named {@code <prefix><i>}, with dial strings from {@code PJSIP/<firstEndpoint>}. */
    static void add(DSLContext dsl, String prefix, int count, int firstEndpoint, String password) {
        JooqOperatorDirectory directory = new JooqOperatorDirectory(dsl);
        String hash = cheapHash(password);
        for (int i = 0; i < count; i++) {
            directory.add(new NewOperator(prefix + i, "Bench operator " + i, Role.OPERATOR,
                    EnumSet.allOf(Language.class), false, "PJSIP/" + (firstEndpoint + i)), hash);
        }
    }

    /** A random password of letters and digits. */
    static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            password.append("abcdefghjkmnpqrstuvwxyz23456789".charAt(random.nextInt(31)));
        }
        return password.toString();
    }

    private static String cheapHash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13).withMemoryAsKB(MEMORY_KIB).withIterations(1)
                .withParallelism(1).withSalt(salt).build());
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        Base64.Encoder encoder = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=1,p=1$" + encoder.encodeToString(salt) + "$"
                + encoder.encodeToString(out);
    }
}
