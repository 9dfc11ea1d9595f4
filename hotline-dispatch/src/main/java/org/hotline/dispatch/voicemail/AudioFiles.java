package org.hotline.dispatch.voicemail;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds a voice message's recording in the voicemail directory. The name comes from the database (the IVR wrote
 * {@code <callId>.wav}), never from a request, and is still checked: a plain file name, directly in the directory,
 * a regular file and not a link. Anything else is treated as missing.
 */
final class AudioFiles {
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");

    private final Path directory;

    AudioFiles(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The recording's path, or empty when the reference is unsafe or the file is not there. Blocking. */
    Optional<Path> find(String reference) {
        if (reference == null || !PLAIN_NAME.matcher(reference).matches() || reference.contains("..")) {
            return Optional.empty();
        }
        Path file = directory.resolve(reference).normalize();
        if (!directory.equals(file.getParent()) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** The media type to send the recording with. */
    static String contentType(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".wav") ? "audio/wav" : "application/octet-stream";
    }
}
