package org.hotline.app.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hotline.agi.pseudonym.PseudonymKeyFile;
import org.hotline.agi.pseudonym.PseudonymKeys;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.Database;
import org.hotline.core.storage.SecretFile;
import org.hotline.core.storage.StorageConfig;
import org.hotline.dispatch.audit.AuditEvent;
import org.hotline.dispatch.audit.JooqAuditTrail;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotline keys}: deliberate changes to the hotline's keys. The hotline never replaces the pseudonym key by
 * itself: a missing key next to a database of pseudonymized calls stops the start, and this command is the way
 * to make a new one on purpose. With the embedded database, run it while the hotline is stopped.
 */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Deliberate changes to the hotline's keys.",
        subcommands = KeysCommand.NewPseudonymKey.class)
public final class KeysCommand {
    /** The audit row's words: no person signs in to a command, like the retention purge's 'system'. */
    static final String ACTOR_ROLE = "command-line";
    static final String ACTION = "pseudonym-key-replaced";
    static final String SUBJECT_TYPE = "pseudonym-key";

    @Command(name = "new-pseudonym-key", mixinStandardHelpOptions = true,
            description = "Make a new caller-pseudonym key. Calls after it cannot be linked to callers before it. "
                    + "An existing key is kept beside the new one as <file>.retired-<time>.")
    static final class NewPseudonymKey implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--i-understand-links-break", required = true,
                description = "Confirms that a caller's later calls will no longer link to their earlier ones.")
        boolean confirmed;
        /** Where the settings come from; tests replace it. */
        Map<String, String> environment = System.getenv();

        @Override
        public Integer call() throws IOException {
            if (!confirmed) {
                throw new ParameterException(spec.commandLine(), "--i-understand-links-break is required");
            }
            Settings settings = Settings.load(environment);
            Path file = PseudonymKeyFile.location(settings);
            if (Files.exists(PseudonymKeys.ringFile(file))) {
                throw new StartupException("The pseudonym keys have been rotated (" + PseudonymKeys.ringFile(file)
                        + "); make a new key with ./scripts/hotline pseudonym rotate, which keeps the links.");
            }
            // Opening the database first: an embedded one in use by a running hotline stops the command here,
            // before the key changes under the running IVR.
            try (Database database = Database.open(StorageConfig.from(settings))) {
                Instant now = Instant.now();
                Path retired = null;
                if (Files.exists(file)) {
                    retired = file.resolveSibling(file.getFileName() + ".retired-"
                            + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now));
                    Files.move(file, retired); // keeps its owner-only mode
                }
                SecretFile.createIfMissing(file, PseudonymKeyFile.KEY_BYTES);
                String fingerprint = fingerprint(SecretFile.read(file, PseudonymKeyFile.KEY_BYTES));
                new JooqAuditTrail(database.dsl()).record(new AuditEvent(now, null, ACTOR_ROLE, ACTION, SUBJECT_TYPE,
                        fingerprint));
                spec.commandLine().getOut().println("A new pseudonym key is in " + file + " (fingerprint "
                        + fingerprint + ", audited); calls from now on cannot be linked to earlier callers."
                        + (retired == null ? "" : " The old key is kept in " + retired
                        + ": destroy it to make the old pseudonyms unlinkable for good."));
                spec.commandLine().getOut().flush();
            } catch (IOException e) {
                throw new StartupException("The pseudonym key " + file + " cannot be written: " + e.getMessage(), e);
            }
            return 0;
        }
    }

    /** The first 16 hex digits of the key's SHA-256: tells keys apart in the audit trail, reveals nothing. */
    static String fingerprint(String keyHex) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyHex.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
