package org.hotline.core.storage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.hotline.core.StartupException;

/**
 * A random secret kept in a file that only its owner can read, created on first use. Used for the embedded
 * database password and the caller-pseudonym key, which must both live outside the database.
 */
public final class SecretFile {
    private SecretFile() {
    }

    /** The secret as hex text, generating {@code bytes} random bytes into the file when it does not exist. */
    public static String readOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                create(file, bytes);
            }
        } catch (IOException e) {
            throw new StartupException("The secret file " + file + " cannot be created: " + e.getMessage(), e);
        }
        return read(file, bytes);
    }

    /** The secret as hex text from an existing file; fails with one sentence when it is missing or malformed. */
    public static String read(Path file, int bytes) {
        try {
            String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (secret.length() < bytes * 2 || !secret.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new StartupException("The secret file " + file + " is not " + bytes
                        + " bytes of hex; restore it from backup.");
            }
            return secret;
        } catch (IOException e) {
            throw new StartupException("The secret file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** True when the file did not exist and this call created it. */
    public static boolean createIfMissing(Path file, int bytes) {
        if (Files.exists(file)) {
            return false;
        }
        try {
            create(file, bytes);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new StartupException("The secret file " + file + " cannot be created: " + e.getMessage(), e);
        }
    }

    private static void create(Path file, int bytes) throws IOException {
        byte[] secret = new byte[bytes];
        new SecureRandom().nextBytes(secret);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Created with owner-only permissions from the start, so the secret is never briefly world-readable.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
    }
}
