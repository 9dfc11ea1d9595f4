package org.hotline.app.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.hotline.core.StartupException;

/**
 * The archive inside a backup's encryption: a zip of the backup's files, then a last entry, {@value #MANIFEST},
 * with the backup's facts and every other entry's SHA-256 and size. Opening one checks it whole (the encryption's
 * integrity, then every entry against the manifest, nothing missing and nothing extra) before anything is restored
 * from it.
 */
final class BackupArchive {
    static final String MANIFEST = "MANIFEST.properties";
    /** Entry names are ours: plain relative paths, so a crafted archive cannot write outside the staging folder. */
    private static final Pattern SAFE_NAME = Pattern.compile(
            "[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_][A-Za-z0-9._-]*)*");

    private BackupArchive() {
    }

    /** Writes {@code parts} (entry name to file) and {@code facts} into an encrypted archive at {@code target}. */
    static void write(Path target, char[] passphrase, Map<String, String> facts, Map<String, Path> parts)
            throws IOException {
        Map<String, String> manifest = new LinkedHashMap<>(facts);
        parts.keySet().forEach(BackupArchive::requireSafe);
        try (OutputStream file = Files.newOutputStream(target);
             ZipOutputStream zip = new ZipOutputStream(ArchiveCipher.encrypting(file, passphrase))) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Map.Entry<String, Path> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                // Digest what goes in: a file that changed since the manifest was made (a voice message still
                // being recorded) must not make the archive fail its own check later.
                MessageDigest digest = newDigest();
                long size;
                try (InputStream in = new DigestInputStream(Files.newInputStream(part.getValue()), digest)) {
                    size = in.transferTo(zip);
                }
                zip.closeEntry();
                manifest.put("entry." + part.getKey(), HexFormat.of().formatHex(digest.digest()) + " " + size);
            }
            // Last, with the digests of exactly what was written.
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(Manifest.format(manifest));
            zip.closeEntry();
        }
    }

    /**
     * Decrypts and checks {@code archive} into {@code staging}: answers the manifest's facts and the verified
     * files (entry name to extracted file). Throws one sentence, and changes nothing outside staging, when the key is
     * wrong or the archive is not whole.
     */
    static Opened open(Path archive, char[] passphrase, Path staging) throws IOException {
        Path clear = staging.resolve("archive.zip");
        ArchiveCipher.decrypt(archive, passphrase, clear);
        Path content = Files.createDirectories(staging.resolve("content"));
        Map<String, Path> files = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        Map<String, String> manifest = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(clear))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                if (manifest != null) {
                    throw ArchiveCipher.damaged(archive, null); // nothing may follow the manifest
                }
                if (name.equals(MANIFEST)) {
                    manifest = Manifest.parse(zip.readAllBytes());
                    continue;
                }
                if (!SAFE_NAME.matcher(name).matches() || name.contains("..") || files.containsKey(name)) {
                    throw ArchiveCipher.damaged(archive, null);
                }
                Path target = content.resolve(name).normalize();
                if (!target.startsWith(content)) {
                    throw ArchiveCipher.damaged(archive, null);
                }
                Files.createDirectories(target.getParent());
                MessageDigest digest = newDigest();
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(target), digest)) {
                    size = zip.transferTo(out);
                }
                files.put(name, target);
                actual.put("entry." + name, HexFormat.of().formatHex(digest.digest()) + " " + size);
            }
        } catch (java.util.zip.ZipException e) {
            throw ArchiveCipher.damaged(archive, e);
        }
        if (manifest == null) {
            throw ArchiveCipher.damaged(archive, null);
        }
        Map<String, String> listed = new LinkedHashMap<>(manifest);
        listed.keySet().removeIf(key -> !key.startsWith("entry."));
        if (!listed.equals(actual) || !"hotline-backup-1".equals(manifest.get("format"))) {
            throw new StartupException("The backup " + archive + " does not match its own manifest (an entry is "
                    + "missing, extra or altered); nothing was changed.");
        }
        Files.delete(clear);
        return new Opened(manifest, files);
    }

    /** A checked archive: the manifest's facts and its files, extracted. */
    record Opened(Map<String, String> manifest, Map<String, Path> files) {
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("not a safe entry name: " + name);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
