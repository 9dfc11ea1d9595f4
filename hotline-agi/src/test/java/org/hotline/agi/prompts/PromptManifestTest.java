package org.hotline.agi.prompts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link Prompt}, the six prompt manifests and the built sound files in sync: a prompt missing in one
 * language means a frightened caller hears silence. Every test collects all problems before failing, so one
 * run names everything that needs fixing.
 */
class PromptManifestTest {

    private static final String BUILD_HINT = "build them with scripts/prompts (placeholder audio from the manifests)";

    private static Path root;
    private static Map<String, PromptManifest> manifests;

    @BeforeAll
    static void loadManifests() {
        root = PromptManifest.repoRoot();
        manifests = new HashMap<>();
        for (String language : PromptManifest.LANGUAGES) {
            if (Files.isRegularFile(PromptManifest.manifestFile(root, language))) {
                manifests.put(language, PromptManifest.load(root, language));
            }
        }
    }

    @Test
    void everyLanguageHasAManifest() {
        List<String> missing = new ArrayList<>();
        for (String language : PromptManifest.LANGUAGES) {
            if (!manifests.containsKey(language)) {
                missing.add(root.relativize(PromptManifest.manifestFile(root, language)).toString());
            }
        }
        assertThat(missing)
                .withFailMessage(() -> "prompt manifests missing under " + root + ":\n  " + String.join("\n  ", missing))
                .isEmpty();
    }

    @Test
    void everyPromptKeyHasTextInEveryLanguage() {
        List<String> missing = new ArrayList<>();
        for (String language : PromptManifest.LANGUAGES) {
            PromptManifest manifest = manifests.get(language);
            for (String key : Prompt.allKeys()) {
                if (manifest == null || manifest.text(key).isEmpty()) {
                    missing.add("(" + language + ", " + key + ")"
                            + (manifest == null ? " no manifest" : manifest.has(key) ? " blank text" : " no entry"));
                }
            }
        }
        assertThat(missing)
                .withFailMessage(() -> missing.size() + " prompt text(s) missing, as (language, key):\n  "
                        + String.join("\n  ", missing))
                .isEmpty();
    }

    @Test
    void manifestsHoldNoUnknownDuplicateOrMalformedEntries() {
        Set<String> known = new HashSet<>(Prompt.allKeys());
        List<String> problems = new ArrayList<>();
        for (PromptManifest manifest : inMenuOrder()) {
            for (String key : manifest.entries().keySet()) {
                if (!known.contains(key)) {
                    problems.add(manifest.language() + ".manifest line " + manifest.lineOf(key) + ": unknown key '"
                            + key + "' (not in Prompt.allKeys())");
                }
            }
            for (PromptManifest.Problem duplicate : manifest.duplicates()) {
                problems.add(manifest.language() + ".manifest " + duplicate);
            }
            for (PromptManifest.Problem malformed : manifest.malformedLines()) {
                problems.add(manifest.language() + ".manifest " + malformed);
            }
        }
        assertThat(problems)
                .withFailMessage(() -> "prompt manifest problems:\n  " + String.join("\n  ", problems))
                .isEmpty();
    }

    @Test
    void everyManifestHeaderSaysItNeedsNativeReview() {
        List<String> unmarked = new ArrayList<>();
        for (PromptManifest manifest : inMenuOrder()) {
            if (!manifest.hasReviewNotice()) {
                unmarked.add(manifest.language() + ".manifest");
            }
        }
        assertThat(unmarked)
                .withFailMessage(() -> "manifest header lacks '# " + PromptManifest.REVIEW_NOTICE + "': " + unmarked)
                .isEmpty();
    }

    @Test
    void numberWordsDifferWithinEachLanguage() {
        List<String> clashes = new ArrayList<>();
        for (PromptManifest manifest : inMenuOrder()) {
            Map<String, String> keyOfText = new HashMap<>();
            for (int n = 0; n <= Prompt.MAX_SPOKEN_NUMBER; n++) {
                String key = Prompt.numberKey(n);
                manifest.text(key).ifPresent(text -> {
                    String earlier = keyOfText.putIfAbsent(text, key);
                    if (earlier != null) {
                        clashes.add(manifest.language() + ": " + earlier + " and " + key + " both say '" + text + "'");
                    }
                });
            }
        }
        assertThat(clashes)
                .withFailMessage(() -> "number words repeated (copy-paste slip?):\n  " + String.join("\n  ", clashes))
                .isEmpty();
    }

    @Test
    void everyPromptHasAn8kMonoWavInEveryLanguage() {
        List<String> problems = new ArrayList<>();
        for (String language : PromptManifest.LANGUAGES) {
            for (String key : Prompt.allKeys()) {
                Path wav = PromptManifest.soundFile(root, language, key);
                String problem = wavProblem(wav);
                if (problem != null) {
                    problems.add(root.relativize(wav) + ": " + problem);
                }
            }
        }
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " sound file(s) missing or not 8 kHz mono 16-bit PCM WAV ("
                        + BUILD_HINT + "):\n  " + String.join("\n  ", problems))
                .isEmpty();
    }

    private static List<PromptManifest> inMenuOrder() {
        return PromptManifest.LANGUAGES.stream().filter(manifests::containsKey).map(manifests::get).toList();
    }

    /**
     * What is wrong with {@code wav} for Asterisk's {@code wav} format (RIFF/WAVE, PCM, 8000 Hz, mono,
     * 16-bit, with sound in it), or null if nothing is. Reads the RIFF chunks rather than assuming a
     * 44-byte header.
     */
    static String wavProblem(Path wav) {
        if (!Files.isRegularFile(wav)) {
            return "missing";
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wav);
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
        if (bytes.length == 0) {
            return "empty";
        }
        if (bytes.length < 12 || !ascii(bytes, 0).equals("RIFF") || !ascii(bytes, 8).equals("WAVE")) {
            return "not a RIFF/WAVE file";
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        Integer format = null;
        int channels = 0;
        int sampleRate = 0;
        int bits = 0;
        long dataBytes = -1;
        int pos = 12;
        while (pos + 8 <= bytes.length) {
            String id = ascii(bytes, pos);
            long size = Integer.toUnsignedLong(buf.getInt(pos + 4));
            int body = pos + 8;
            if (id.equals("fmt ") && size >= 16 && body + 16 <= bytes.length) {
                format = Short.toUnsignedInt(buf.getShort(body));
                channels = Short.toUnsignedInt(buf.getShort(body + 2));
                sampleRate = buf.getInt(body + 4);
                bits = Short.toUnsignedInt(buf.getShort(body + 14));
            } else if (id.equals("data")) {
                dataBytes = Math.min(size, bytes.length - body);
            }
            long next = body + size + (size & 1);
            if (next > Integer.MAX_VALUE) {
                break;
            }
            pos = (int) next;
        }
        if (format == null) {
            return "no fmt chunk";
        }
        List<String> wrong = new ArrayList<>();
        if (format != 1) {
            wrong.add("format tag " + format + " (want 1, PCM)");
        }
        if (sampleRate != 8000) {
            wrong.add(sampleRate + " Hz (want 8000)");
        }
        if (channels != 1) {
            wrong.add(channels + " channels (want mono)");
        }
        if (bits != 16) {
            wrong.add(bits + "-bit (want 16)");
        }
        if (dataBytes <= 0) {
            wrong.add("no audio data");
        }
        return wrong.isEmpty() ? null : String.join(", ", wrong);
    }

    private static String ascii(byte[] bytes, int offset) {
        return new String(bytes, offset, 4, StandardCharsets.US_ASCII);
    }
}
