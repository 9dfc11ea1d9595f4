package org.hotline.agi.prompts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One language's prompt manifest, {@code asterisk-conf/prompts/<code>.manifest}, parsed for tests.
 *
 * <p>Format (UTF-8): lines starting with {@code #} are comments, blank lines are ignored, every other
 * line is {@code key = text} (split at the first {@code =}, both sides trimmed). Parsing never throws on
 * bad content: duplicates and malformed lines are collected so a test can report them all at once.
 *
 * <p>Also the shared helpers for finding the repository, the manifests and the built sound files, so
 * other tests (for example a dialplan test checking the prompts it plays) can reuse them.
 */
public final class PromptManifest {

    /** The six IVR languages in menu order (key 1 to 6). */
    public static final List<String> LANGUAGES = List.of("prs", "ps", "tg", "tk", "uz", "ur");

    /** The line every manifest header carries until native speakers have reviewed it. */
    public static final String REVIEW_NOTICE =
            "REVIEW: drafted without a native speaker; every text needs review by a native speaker before go-live";

    /** System property surefire sets to the multi-module root. */
    public static final String REPO_ROOT_PROPERTY = "hotline.repo.root";

    /** A line the parser could not read as {@code key = text}. */
    public record Problem(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    private final String language;
    private final Path file;
    private final List<String> headerComments;
    private final Map<String, String> entries;
    private final Map<String, Integer> lineOfKey;
    private final List<Problem> duplicates;
    private final List<Problem> malformed;

    private PromptManifest(String language, Path file, List<String> headerComments, Map<String, String> entries,
            Map<String, Integer> lineOfKey, List<Problem> duplicates, List<Problem> malformed) {
        this.language = language;
        this.file = file;
        this.headerComments = List.copyOf(headerComments);
        this.entries = Collections.unmodifiableMap(entries);
        this.lineOfKey = Collections.unmodifiableMap(lineOfKey);
        this.duplicates = List.copyOf(duplicates);
        this.malformed = List.copyOf(malformed);
    }

    // ---- locating things ------------------------------------------------------------------------

    /**
     * The repository root: system property {@value #REPO_ROOT_PROPERTY} if set, otherwise the nearest
     * directory at or above the working directory that holds {@code asterisk-conf/}.
     */
    public static Path repoRoot() {
        String configured = System.getProperty(REPO_ROOT_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            if (Files.isDirectory(root.resolve("asterisk-conf"))) {
                return root;
            }
        }
        Path start = Path.of("").toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("asterisk-conf"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root: no asterisk-conf/ at or above " + start
                + " and system property " + REPO_ROOT_PROPERTY + " is " + configured);
    }

    /** {@code asterisk-conf/prompts/<code>.manifest} under {@code repoRoot}. */
    public static Path manifestFile(Path repoRoot, String language) {
        return repoRoot.resolve("asterisk-conf").resolve("prompts").resolve(language + ".manifest");
    }

    /** Where Asterisk finds a prompt: {@code asterisk-conf/sounds/<code>/hotline/<key>.wav}. */
    public static Path soundFile(Path repoRoot, String language, String key) {
        return repoRoot.resolve("asterisk-conf").resolve("sounds").resolve(language).resolve("hotline")
                .resolve(key + ".wav");
    }

    // ---- loading --------------------------------------------------------------------------------

    /** Loads {@code language}'s manifest from the repository at {@code repoRoot}. */
    public static PromptManifest load(Path repoRoot, String language) {
        return parse(language, manifestFile(repoRoot, language));
    }

    /** Loads and parses one manifest file; fails only if it cannot be read. */
    public static PromptManifest parse(String language, Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt manifest " + file, e);
        }
        return parse(language, file, lines);
    }

    static PromptManifest parse(String language, Path file, List<String> lines) {
        List<String> header = new ArrayList<>();
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, Integer> lineOfKey = new LinkedHashMap<>();
        List<Problem> duplicates = new ArrayList<>();
        List<Problem> malformed = new ArrayList<>();
        boolean inHeader = true;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            line = line.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (inHeader) {
                    header.add(line.substring(1).strip());
                }
                continue;
            }
            inHeader = false;
            int eq = line.indexOf('=');
            if (eq < 0) {
                malformed.add(new Problem(lineNo, "not 'key = text': " + line));
                continue;
            }
            String key = line.substring(0, eq).strip();
            String text = line.substring(eq + 1).strip();
            if (key.isEmpty()) {
                malformed.add(new Problem(lineNo, "no key before '='"));
                continue;
            }
            if (entries.containsKey(key)) {
                duplicates.add(new Problem(lineNo, "duplicate key '" + key + "' (first on line "
                        + lineOfKey.get(key) + ")"));
                continue;
            }
            entries.put(key, text);
            lineOfKey.put(key, lineNo);
        }
        return new PromptManifest(language, file, header, entries, lineOfKey, duplicates, malformed);
    }

    // ---- reading --------------------------------------------------------------------------------

    public String language() {
        return language;
    }

    public Path file() {
        return file;
    }

    /** Comment lines before the first entry, without the leading {@code #}. */
    public List<String> headerComments() {
        return headerComments;
    }

    /** Whether the header carries {@link #REVIEW_NOTICE}. */
    public boolean hasReviewNotice() {
        return headerComments.stream().anyMatch(c -> c.contains(REVIEW_NOTICE));
    }

    /** Every entry in file order; for a duplicate key, the first occurrence. */
    public Map<String, String> entries() {
        return entries;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The text for {@code key}, if present and not blank. */
    public Optional<String> text(String key) {
        return Optional.ofNullable(entries.get(key)).filter(t -> !t.isBlank());
    }

    /** The line number of {@code key}'s (first) entry, or -1. */
    public int lineOf(String key) {
        return lineOfKey.getOrDefault(key, -1);
    }

    public List<Problem> duplicates() {
        return duplicates;
    }

    public List<Problem> malformedLines() {
        return malformed;
    }

    @Override
    public String toString() {
        return language + " (" + file + ")";
    }
}
