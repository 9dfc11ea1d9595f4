package org.hotline.core.i18n;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One language's bundle file, {@code i18n/<code>.json} on the classpath:
 * <pre>{@code
 * { "language": "prs", "state": "machine",
 *   "messages": { "report.title": "گزارش ...",
 *                 "report.calls": { "text": "...", "state": "reviewed" } } }
 * }</pre>
 * An entry is its ICU MessageFormat text, or an object with the text and its own review state; the file's
 * {@code state} is the state of every entry that names none.
 */
record Bundle(UiLanguage language, Map<String, Entry> entries) {

    /** A message and how far it can be trusted. */
    record Entry(String text, ReviewState state) {
    }

    static Bundle load(UiLanguage language) {
        String path = "/i18n/" + language.code() + ".json";
        try (InputStream in = Bundle.class.getResourceAsStream(path)) {
            if (in == null) {
                return new Bundle(language, Map.of());
            }
            return parse(language, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    static Bundle parse(UiLanguage language, String json) {
        JsonObject file;
        try {
            file = new JsonObject(json);
        } catch (DecodeException e) {
            throw new IllegalStateException("bundle " + language.code() + " is not JSON: " + e.getMessage(), e);
        }
        if (!language.code().equals(file.getString("language"))) {
            throw new IllegalStateException("bundle " + language.code() + " names language '"
                    + file.getString("language") + "'");
        }
        ReviewState fileState = ReviewState.parse(file.getString("state", "unreviewed"));
        Map<String, Entry> entries = new LinkedHashMap<>();
        JsonObject messages = file.getJsonObject("messages", new JsonObject());
        for (String key : messages.fieldNames()) {
            Object value = messages.getValue(key);
            if (value instanceof String text) {
                entries.put(key, new Entry(text, fileState));
            } else if (value instanceof JsonObject entry && entry.getValue("text") instanceof String text) {
                entries.put(key, new Entry(text, entry.containsKey("state")
                        ? ReviewState.parse(entry.getString("state")) : fileState));
            } else {
                throw new IllegalStateException("bundle " + language.code() + ": entry '" + key
                        + "' is neither a text nor {\"text\": ..., \"state\": ...}");
            }
        }
        return new Bundle(language, Collections.unmodifiableMap(entries));
    }
}
