package org.hotline.core.callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.hotline.core.storage.SecretFile;

/**
 * The one place a raw caller number lives, and only while a callback needs it. Each number is a file of its own
 * under {@code <data.dir>/callbacks}, never a database row: AES-256-GCM with a key kept in its own owner-only file
 * (made like the pseudonym key), the callback id and the expiry bound in as associated data so a file cannot be
 * renamed or its expiry stretched. {@link #destroy} overwrites the file before deleting it, and a number past its
 * retention is never revealed. Nothing here logs, and the number never leaves this class except through
 * {@link #reveal} to the code that dials it.
 */
public final class CallbackVault {
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final byte VERSION = 1;
    private static final String SUFFIX = ".cb";
    /** Version, expiry (epoch ms), call id length. */
    private static final int HEAD = 1 + Long.BYTES + 1;

    private final SecretKeySpec key;
    private final Path directory;
    private final SecureRandom random = new SecureRandom();

    private CallbackVault(byte[] key, Path directory) {
        this.key = new SecretKeySpec(key, "AES");
        this.directory = directory;
    }

    /** Opens the vault, creating its key file (owner-only) and directory on first use. */
    public static CallbackVault open(CallbackConfig config) {
        String hex = SecretFile.readOrCreate(config.keyFile(), KEY_BYTES);
        try {
            Files.createDirectories(config.directory());
            Files.setPosixFilePermissions(config.directory(), PosixFilePermissions.fromString("rwx------"));
        } catch (IOException e) {
            throw new IllegalStateException("The callback directory " + config.directory() + " cannot be created", e);
        }
        return new CallbackVault(HexFormat.of().parseHex(hex.substring(0, KEY_BYTES * 2)), config.directory());
    }

    /** A number destroyed because its retention ran out, and the call that asked for the callback. */
    public record Expired(CallbackId id, String callId) {
    }

    /**
     * Keeps {@code number} encrypted until {@code expiresAt} at the latest, for the call {@code callId} (kept in
     * clear beside it, as it is in the database anyway, so an expiry can be recorded on the call); returns the only
     * name the number goes by.
     */
    public CallbackId keep(String callId, String number, Instant expiresAt) {
        CallbackId id = CallbackId.random();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] call = callId.getBytes(StandardCharsets.US_ASCII);
        if (call.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("call id too long");
        }
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, iv, id, expiresAt.toEpochMilli(), callId,
                number.getBytes(StandardCharsets.UTF_8));
        ByteBuffer file = ByteBuffer.allocate(HEAD + call.length + IV_BYTES + sealed.length)
                .put(VERSION).putLong(expiresAt.toEpochMilli()).put((byte) call.length).put(call).put(iv).put(sealed);
        Path target = fileOf(id);
        Path partial = directory.resolve(id.value() + ".partial");
        try {
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
                channel.write(file.flip());
                channel.force(true);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            wipe(partial);
            throw new IllegalStateException("A callback number could not be kept", e);
        }
        return id;
    }

    /**
     * The number, for dialling it now; empty when it was destroyed, has expired or cannot be decrypted (a file
     * that was tampered with or a replaced key). Never log or store what this returns.
     */
    public Optional<String> reveal(CallbackId id, Instant now) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(fileOf(id));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("The callback " + id + " could not be read", e);
        }
        Entry entry = Entry.parse(bytes);
        if (entry == null || !now.isBefore(Instant.ofEpochMilli(entry.expires))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(crypt(Cipher.DECRYPT_MODE, entry.iv, id, entry.expires, entry.callId,
                    entry.sealed), StandardCharsets.UTF_8));
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
    }

    /** A kept file, split; null when it is not one this version wrote. */
    private record Entry(long expires, String callId, byte[] iv, byte[] sealed) {
        static Entry parse(byte[] bytes) {
            ByteBuffer file = ByteBuffer.wrap(bytes);
            if (bytes.length < HEAD || file.get() != VERSION) {
                return null;
            }
            long expires = file.getLong();
            int callLength = file.get();
            if (callLength < 0 || file.remaining() < callLength + IV_BYTES) {
                return null;
            }
            byte[] call = new byte[callLength];
            file.get(call);
            byte[] iv = new byte[IV_BYTES];
            file.get(iv);
            byte[] sealed = new byte[file.remaining()];
            file.get(sealed);
            return new Entry(expires, new String(call, StandardCharsets.US_ASCII), iv, sealed);
        }
    }

    /** Whether a number is still kept under {@code id} (expired or not). */
    public boolean holds(CallbackId id) {
        return Files.exists(fileOf(id));
    }

    /** Destroys the number: its file is overwritten, forced to disk and deleted. True if there was one. */
    public boolean destroy(CallbackId id) {
        return wipe(fileOf(id));
    }

    /** Destroys every number whose retention has run out at {@code now}; returns them with their calls. */
    public List<Expired> destroyExpired(Instant now) {
        List<Expired> destroyed = new ArrayList<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (name.endsWith(".partial")) {
                wipe(file);
                continue;
            }
            Entry entry = read(file);
            // Anything unreadable counts as expired: a number nobody can dial must not linger.
            if ((entry == null || !now.isBefore(Instant.ofEpochMilli(entry.expires))) && wipe(file)) {
                destroyed.add(new Expired(new CallbackId(name.substring(0, name.length() - SUFFIX.length())),
                        entry == null ? null : entry.callId));
            }
        }
        return destroyed;
    }

    private static Entry read(Path file) {
        try {
            return Entry.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The callbacks still owed at {@code now}, call id to callback id, read from the entries' clear headers: no
     * number is decrypted. A restarted routing owner puts their calls back in the queue.
     */
    public java.util.Map<String, CallbackId> pending(Instant now) {
        java.util.Map<String, CallbackId> pending = new java.util.HashMap<>();
        for (Path file : files()) {
            String name = file.getFileName().toString();
            if (!name.endsWith(SUFFIX)) {
                continue;
            }
            Entry entry = read(file);
            if (entry != null && entry.callId != null && now.isBefore(Instant.ofEpochMilli(entry.expires))) {
                pending.put(entry.callId, new CallbackId(name.substring(0, name.length() - SUFFIX.length())));
            }
        }
        return pending;
    }

    /** How many numbers are kept now. */
    public int kept() {
        return (int) files().stream().filter(f -> f.getFileName().toString().endsWith(SUFFIX)).count();
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "cb-*")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new IllegalStateException("The callback directory cannot be read", e);
        }
        return files;
    }

    private static boolean wipe(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = channel.size();
            channel.write(ByteBuffer.allocate((int) Math.min(size, 4096)), 0);
            channel.force(true);
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            // Deleting matters more than overwriting; go on.
        }
        try {
            return Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IllegalStateException("A callback file could not be deleted", e);
        }
    }

    private byte[] crypt(int mode, byte[] iv, CallbackId id, long expires, String callId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD((id.value() + "|" + expires + "|" + callId).getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private Path fileOf(CallbackId id) {
        return directory.resolve(id.value() + SUFFIX);
    }
}
