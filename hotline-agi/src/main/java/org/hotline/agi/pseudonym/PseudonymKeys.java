package org.hotline.agi.pseudonym;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.hotline.core.StartupException;
import org.hotline.core.storage.SecretFile;

/**
 * The caller-pseudonym keys on disk, each with a key id. Key 1 is the original file ({@code pseudonym.key-file}),
 * whose pseudonyms are stored as bare hex, as they always were; key {@code n} (after a rotation) is the file
 * {@code <key file>.<n>}, and its pseudonyms carry the prefix {@code k<n>:}. The ring file {@code <key file>.ring}
 * says which key is current, when each older one was retired and which were destroyed; without it there is only
 * key 1. Every file is owner-only. A key that should be there and is not is an error with one sentence, never a
 * silent new key. Immutable: {@link #rotate} and {@link #destroy} return the new state.
 */
public final class PseudonymKeys {
    /** The ring's own word for the original key's file. */
    public static final int ORIGINAL = 1;
    private static final String PREFIX = "k";

    private final Path keyFile;
    private final int current;
    private final Map<Integer, Instant> retired;
    private final Map<Integer, Instant> destroyed;

    private PseudonymKeys(Path keyFile, int current, Map<Integer, Instant> retired, Map<Integer, Instant> destroyed) {
        this.keyFile = keyFile;
        this.current = current;
        this.retired = Map.copyOf(retired);
        this.destroyed = Map.copyOf(destroyed);
    }

    /** The ring next to {@code keyFile}; without a ring file, the original key alone (its file is not read here). */
    public static PseudonymKeys load(Path keyFile) {
        Path ring = ringFile(keyFile);
        if (!Files.exists(ring)) {
            return new PseudonymKeys(keyFile, ORIGINAL, Map.of(), Map.of());
        }
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(ring, StandardCharsets.UTF_8)));
            int current = Integer.parseInt(properties.getProperty("current", "").trim());
            Map<Integer, Instant> retired = new TreeMap<>();
            Map<Integer, Instant> destroyed = new TreeMap<>();
            for (String name : properties.stringPropertyNames()) {
                String[] parts = name.split("\\.");
                if (parts.length == 2 && parts[1].equals("retired-at")) {
                    retired.put(Integer.parseInt(parts[0]), Instant.parse(properties.getProperty(name).trim()));
                } else if (parts.length == 2 && parts[1].equals("destroyed-at")) {
                    destroyed.put(Integer.parseInt(parts[0]), Instant.parse(properties.getProperty(name).trim()));
                }
            }
            if (current < ORIGINAL || destroyed.containsKey(current)) {
                throw new IllegalArgumentException("no usable current key");
            }
            return new PseudonymKeys(keyFile, current, retired, destroyed);
        } catch (IOException | RuntimeException e) {
            throw new StartupException("The pseudonym key ring " + ring + " cannot be read (" + e.getMessage()
                    + "); restore it from the backup together with the pseudonym key files.", e);
        }
    }

    /** The ring file that sits next to {@code keyFile}. */
    public static Path ringFile(Path keyFile) {
        return keyFile.resolveSibling(keyFile.getFileName() + ".ring");
    }

    /** The key id new calls are pseudonymized with. */
    public int current() {
        return current;
    }

    /** The ids whose keys still exist, current first: a lookup computes a caller's pseudonym under each. */
    public List<Integer> live() {
        List<Integer> live = new ArrayList<>();
        for (int id = current; id >= ORIGINAL; id--) {
            if (!destroyed.containsKey(id)) {
                live.add(id);
            }
        }
        return live;
    }

    /** Whether the ring has ever had key {@code id} (live or destroyed). */
    public boolean knows(int id) {
        return id >= ORIGINAL && id <= current;
    }

    /** The file of key {@code id}. */
    public Path file(int id) {
        return id == ORIGINAL ? keyFile : keyFile.resolveSibling(keyFile.getFileName() + "." + id);
    }

    /**
     * Key {@code id}'s bytes. An id the ring never had, one destroyed, or a live one whose file is missing is an
     * error with one sentence naming the key, the file and what to do.
     */
    public byte[] key(int id) {
        if (!knows(id)) {
            throw new StartupException("Caller pseudonyms name pseudonym key " + label(id) + ", which the key ring "
                    + ringFile(keyFile) + " does not know (it has " + label(ORIGINAL) + " to " + label(current)
                    + "); restore the pseudonym key files and the ring from the backup that has it. No new key is "
                    + "made in its place, because that would silently break every link to earlier callers.");
        }
        if (destroyed.containsKey(id)) {
            throw new StartupException("The pseudonym key " + label(id) + " was destroyed at the end of its overlap "
                    + "on " + destroyed.get(id) + "; its pseudonyms can no longer be linked.");
        }
        Path file = file(id);
        if (!Files.exists(file)) {
            throw new StartupException("The pseudonym key " + label(id) + " (" + file + ") is missing but the key "
                    + "ring " + ringFile(keyFile) + " says it is live; restore the file from backup (or point "
                    + "HOTLINE_PSEUDONYM_KEY_FILE at its folder). No new key is made in its place, because that would "
                    + "silently break every link to earlier callers.");
        }
        return HexFormat.of().parseHex(SecretFile.read(file, PseudonymKeyFile.KEY_BYTES)
                .substring(0, PseudonymKeyFile.KEY_BYTES * 2));
    }

    /** Every live key's bytes, current first (each checked as {@link #key} does). */
    public Map<Integer, byte[]> liveKeys() {
        Map<Integer, byte[]> keys = new java.util.LinkedHashMap<>();
        for (int id : live()) {
            keys.put(id, key(id));
        }
        return keys;
    }

    /** A new current key: its owner-only file first, then the ring that names it (so a crash leaves no dangling id). */
    public PseudonymKeys rotate(Instant now) {
        int next = current + 1;
        Path file = file(next);
        if (Files.exists(file)) {
            throw new StartupException("The pseudonym key file " + file + " already exists but the ring "
                    + ringFile(keyFile) + " does not name it; move it away (it may be from another installation) "
                    + "and rotate again.");
        }
        SecretFile.createIfMissing(file, PseudonymKeyFile.KEY_BYTES);
        Map<Integer, Instant> retiredNow = new TreeMap<>(retired);
        retiredNow.put(current, now);
        PseudonymKeys rotated = new PseudonymKeys(keyFile, next, retiredNow, destroyed);
        rotated.save();
        return rotated;
    }

    /** The retired keys still live whose overlap has ended by {@code now}. */
    public List<Integer> expired(Instant now, Duration overlap) {
        return live().stream().filter(id -> id != current && retired.containsKey(id)
                && !retired.get(id).plus(overlap).isAfter(now)).toList();
    }

    /**
     * Destroys key {@code id}: its file is overwritten with random bytes, flushed to the disk and deleted, then the
     * ring records it. Its pseudonyms stay in the database but can no longer be linked to anyone's later calls.
     */
    public PseudonymKeys destroy(int id, Instant now) {
        if (id == current) {
            throw new IllegalArgumentException("the current key is never destroyed");
        }
        Path file = file(id);
        try {
            if (Files.exists(file)) {
                byte[] noise = new byte[(int) Files.size(file)];
                new SecureRandom().nextBytes(noise);
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.wrap(noise), 0);
                    channel.force(true);
                }
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new StartupException("The pseudonym key " + label(id) + " (" + file + ") could not be destroyed: "
                    + e.getMessage(), e);
        }
        Map<Integer, Instant> destroyedNow = new TreeMap<>(destroyed);
        destroyedNow.put(id, now);
        PseudonymKeys after = new PseudonymKeys(keyFile, current, retired, destroyedNow);
        after.save();
        return after;
    }

    /** The files a backup must hold: the ring and every live key. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (Files.exists(ringFile(keyFile))) {
            files.add(ringFile(keyFile));
        }
        for (int id : live()) {
            if (Files.exists(file(id))) {
                files.add(file(id));
            }
        }
        return files;
    }

    /** The stored form of a pseudonym made with key {@code id}: bare hex for the original key, else prefixed. */
    static String stored(int id, String hex) {
        return id == ORIGINAL ? hex : PREFIX + id + ":" + hex;
    }

    /** The key id a stored pseudonym was made with (bare hex: the original key). */
    public static int keyIdOf(String pseudonym) {
        int colon = pseudonym.indexOf(':');
        if (colon < 0) {
            return ORIGINAL;
        }
        try {
            return Integer.parseInt(pseudonym.substring(PREFIX.length(), colon));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** How the README, the log and the audit name a key: {@code k2}. */
    public static String label(int id) {
        return PREFIX + id;
    }

    private void save() {
        StringBuilder text = new StringBuilder("# The caller-pseudonym keys (README \"Pseudonym key rotation\"). "
                + "Written by the hotline; back it up with the key files.\ncurrent=" + current + "\n");
        retired.forEach((id, at) -> text.append(id).append(".retired-at=").append(at).append('\n'));
        destroyed.forEach((id, at) -> text.append(id).append(".destroyed-at=").append(at).append('\n'));
        Path ring = ringFile(keyFile);
        Path temporary = ring.resolveSibling(ring.getFileName() + ".new");
        try {
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    "rw-------")));
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                channel.force(true);
            }
            Files.move(temporary, ring, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StartupException("The pseudonym key ring " + ring + " cannot be written: " + e.getMessage(), e);
        }
    }
}
