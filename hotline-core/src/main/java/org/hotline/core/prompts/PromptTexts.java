package org.hotline.core.prompts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IVR's own texts, reviewed data: {@code asterisk-conf/prompts/<code>.manifest} ({@code key = text}) and
 * {@code asterisk-conf/prompts/reviews.txt} ({@code <code> <key> <revision> <reviewer>}: a native speaker reviewed
 * the text with that revision). The build copies both into this module's classpath, so the running hotline knows
 * the texts the placeholders were made from. A text's revision is a hash of the text: editing a text makes a new
 * revision, which marks its review as changed and every recording of the old revision as stale.
 */
public final class PromptTexts {
    /** The IVR's languages, in menu order. */
    public static final List<String> LANGUAGES = List.of("prs", "ps", "tg", "tk", "uz", "ur");
    private static final String RESOURCE_DIR = "/org/hotline/core/prompts/manifests/";

    private final Map<String, Map<String, PromptText>> byLanguage;

    private PromptTexts(Map<String, Map<String, PromptText>> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The texts shipped with this build. */
    public static PromptTexts bundled() {
        return load(name -> {
            InputStream in = PromptTexts.class.getResourceAsStream(RESOURCE_DIR + name);
            if (in == null) {
                return Optional.empty();
            }
            try (in) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        });
    }

    /** The texts in a folder laid out as {@code asterisk-conf/prompts}. */
    public static PromptTexts fromDirectory(Path dir) {
        return load(name -> {
            Path file = dir.resolve(name);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        });
    }

    /** The revision of a text: the first 12 hex digits of its SHA-256. */
    public static String revision(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    /** Every prompt of {@code language}, in manifest order; empty for an unknown language. */
    public List<PromptText> of(String language) {
        return List.copyOf(byLanguage.getOrDefault(language, Map.of()).values());
    }

    public Optional<PromptText> text(String language, String key) {
        return Optional.ofNullable(byLanguage.getOrDefault(language, Map.of()).get(key));
    }

    public List<String> languages() {
        return LANGUAGES.stream().filter(byLanguage::containsKey).toList();
    }

    @FunctionalInterface
    private interface Reader {
        Optional<String> read(String name) throws IOException;
    }

    private static PromptTexts load(Reader reader) {
        try {
            Map<String, String> reviewed = reviews(reader.read("reviews.txt").orElse(""));
            Map<String, Map<String, PromptText>> all = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                Optional<String> manifest = reader.read(language + ".manifest");
                if (manifest.isEmpty()) {
                    continue;
                }
                Map<String, PromptText> texts = new LinkedHashMap<>();
                for (String line : manifest.get().replace("\uFEFF", "").split("\r?\n")) {
                    String trimmed = line.strip();
                    int eq = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || eq < 0) {
                        continue;
                    }
                    String key = trimmed.substring(0, eq).strip();
                    String text = trimmed.substring(eq + 1).strip();
                    String revision = revision(text);
                    String reviewedRevision = reviewed.get(language + " " + key);
                    PromptText.TextReview review = reviewedRevision == null ? PromptText.TextReview.UNREVIEWED
                            : reviewedRevision.equals(revision) ? PromptText.TextReview.REVIEWED
                            : PromptText.TextReview.CHANGED;
                    texts.putIfAbsent(key, new PromptText(language, key, text, revision, review));
                }
                all.put(language, texts);
            }
            return new PromptTexts(all);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the prompt manifests", e);
        }
    }

    /** {@code "<code> <key>" -> revision}; the last line for a prompt wins. */
    private static Map<String, String> reviews(String file) {
        Map<String, String> out = new HashMap<>();
        for (String line : file.split("\r?\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length >= 3) {
                out.put(parts[0] + " " + parts[1], parts[2]);
            }
        }
        return out;
    }

    /** Every prompt of every language. */
    public List<PromptText> all() {
        List<PromptText> out = new ArrayList<>();
        byLanguage.values().forEach(m -> out.addAll(m.values()));
        return out;
    }
}
