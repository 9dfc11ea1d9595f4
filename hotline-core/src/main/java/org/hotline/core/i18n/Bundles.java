package org.hotline.core.i18n;

import io.vertx.core.json.JsonObject;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message bundles of every shipped language, read once from the classpath ({@code i18n/<code>.json}).
 * English is the source: a key another language lacks is shown in English, never as the raw key, and every
 * such fallback is counted ({@link #fallbacks()}) and logged once per language and key. The build's
 * completeness test ({@link Completeness}) keeps that from happening in a shipped language.
 *
 * <p>For the browser screens: {@link #clientJson(UiLanguage)} gives a language's texts (English filled in
 * where missing) as one JSON object, for a route such as {@code GET /i18n/<code>.json} to serve with a long
 * cache; the screen then looks texts up by key and sets {@code <html lang dir>} from the same object.
 */
public final class Bundles {
    private static final Logger LOG = LoggerFactory.getLogger(Bundles.class);
    private static final Bundles SHIPPED = new Bundles(load());

    private final Map<UiLanguage, Bundle> bundles;
    private final LongAdder fallbacks = new LongAdder();
    private final Set<String> fallbacksLogged = ConcurrentHashMap.newKeySet();

    Bundles(Map<UiLanguage, Bundle> bundles) {
        this.bundles = bundles;
    }

    /** The bundles shipped in the jar. */
    public static Bundles shipped() {
        return SHIPPED;
    }

    private static Map<UiLanguage, Bundle> load() {
        Map<UiLanguage, Bundle> bundles = new EnumMap<>(UiLanguage.class);
        for (UiLanguage language : UiLanguage.values()) {
            bundles.put(language, Bundle.load(language));
        }
        return bundles;
    }

    /** The messages of a language, formatted with its locale. */
    public Messages messages(UiLanguage language) {
        return new Messages(this, language);
    }

    /** How many times a text was shown in English because its language lacked the key, since start. */
    public long fallbacks() {
        return fallbacks.sum();
    }

    /**
     * A language's messages for a browser screen: {@code {"language": "prs", "dir": "rtl", "messages": {key:
     * ICU text}}}, every English key present (English text where the language lacks it).
     */
    public JsonObject clientJson(UiLanguage language) {
        JsonObject messages = new JsonObject();
        for (String key : bundle(UiLanguage.ENGLISH).entries().keySet()) {
            messages.put(key, pattern(language, key));
        }
        return new JsonObject().put("language", language.code()).put("locale", language.locale().toLanguageTag())
                .put("dir", language.dir()).put("messages", messages);
    }

    /** One translation a reader of its language has not checked, for the manager's list. */
    public record Unchecked(UiLanguage language, String key, String english, String text, ReviewState state) {
    }

    /** Every translation not marked reviewed, by language (in {@link UiLanguage} order) and key. */
    public java.util.List<Unchecked> unchecked() {
        java.util.List<Unchecked> list = new java.util.ArrayList<>();
        Map<String, Bundle.Entry> english = bundle(UiLanguage.ENGLISH).entries();
        for (UiLanguage language : UiLanguage.values()) {
            if (language == UiLanguage.ENGLISH) {
                continue;
            }
            bundle(language).entries().forEach((key, entry) -> {
                if (entry.state() != ReviewState.REVIEWED && english.containsKey(key)) {
                    list.add(new Unchecked(language, key, english.get(key).text(), entry.text(), entry.state()));
                }
            });
        }
        return list;
    }

    Bundle bundle(UiLanguage language) {
        return bundles.get(language);
    }

    /** An ICU pattern and the language it is written in (English when the asked language lacks the key). */
    record Found(String pattern, UiLanguage language) {
    }

    /** The ICU pattern of a key: the language's, else English's (counted), else the key itself in brackets. */
    String pattern(UiLanguage language, String key) {
        return find(language, key).pattern();
    }

    Found find(UiLanguage language, String key) {
        Bundle.Entry entry = bundle(language).entries().get(key);
        if (entry != null) {
            return new Found(entry.text(), language);
        }
        Bundle.Entry english = bundle(UiLanguage.ENGLISH).entries().get(key);
        if (language != UiLanguage.ENGLISH) {
            fallbacks.increment();
            if (fallbacksLogged.add(language.code() + " " + key)) {
                LOG.warn("Message '{}' is missing in {}; shown in English", key, language.code());
            }
        }
        if (english == null) {
            // A programming error (a key no bundle has); the completeness test's key scan catches it first.
            LOG.error("Message '{}' exists in no bundle", key);
            return new Found("[" + key + "]", UiLanguage.ENGLISH);
        }
        return new Found(english.text(), UiLanguage.ENGLISH);
    }
}
