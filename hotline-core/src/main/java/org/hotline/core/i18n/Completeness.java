package org.hotline.core.i18n;

import com.ibm.icu.text.PluralRules;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks every shipped bundle against English, the source: every key present, the same placeholders, an ICU
 * MessageFormat text that parses, and plurals covering the categories CLDR's plural rules give the language
 * ({@link PluralRules#getKeywords()}). The build's test fails on any problem; {@code hotline i18n} prints the
 * same report.
 */
public final class Completeness {
    private Completeness() {
    }

    /**
     * One language's state.
     *
     * @param keys       English keys (the whole set)
     * @param missing    English keys the language lacks
     * @param machine    entries marked machine-made
     * @param unreviewed entries marked unreviewed
     * @param reviewed   entries a reader of the language has reviewed
     * @param problems   what fails the build: a missing key, a placeholder missing or extra, a text that does not
     *                   parse, a plural without a required category, a key English does not have
     */
    public record Report(UiLanguage language, int keys, Set<String> missing, int machine, int unreviewed,
                         int reviewed, List<String> problems) {
        public boolean complete() {
            return problems.isEmpty();
        }
    }

    /** The report of every shipped language, English first. */
    public static Map<UiLanguage, Report> check() {
        return check(Bundles.shipped());
    }

    static Map<UiLanguage, Report> check(Bundles bundles) {
        Map<String, Bundle.Entry> english = bundles.bundle(UiLanguage.ENGLISH).entries();
        Map<UiLanguage, Report> reports = new EnumMap<>(UiLanguage.class);
        for (UiLanguage language : UiLanguage.values()) {
            reports.put(language, check(language, english, bundles.bundle(language).entries()));
        }
        return reports;
    }

    static Report check(UiLanguage language, Map<String, Bundle.Entry> english, Map<String, Bundle.Entry> entries) {
        List<String> problems = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        Set<String> required = PluralRules.forLocale(language.locale()).getKeywords();
        int machine = 0;
        int unreviewed = 0;
        int reviewed = 0;
        for (var source : english.entrySet()) {
            String key = source.getKey();
            Bundle.Entry entry = entries.get(key);
            if (entry == null) {
                missing.add(key);
                problems.add(key + ": missing");
                continue;
            }
            switch (entry.state()) {
                case MACHINE -> machine++;
                // An English stand-in counts as not reviewed; the translations page names it as untranslated.
                case UNREVIEWED, UNTRANSLATED -> unreviewed++;
                case REVIEWED -> reviewed++;
            }
            Placeholders expected;
            Placeholders actual;
            try {
                expected = Placeholders.of(source.getValue().text());
            } catch (IllegalArgumentException e) {
                problems.add(key + ": the English text does not parse as ICU MessageFormat: " + e.getMessage());
                continue;
            }
            try {
                actual = Placeholders.of(entry.text());
            } catch (IllegalArgumentException e) {
                problems.add(key + ": does not parse as ICU MessageFormat: " + e.getMessage());
                continue;
            }
            if (!actual.names().equals(expected.names())) {
                Set<String> lacking = new TreeSet<>(expected.names());
                lacking.removeAll(actual.names());
                Set<String> extra = new TreeSet<>(actual.names());
                extra.removeAll(expected.names());
                problems.add(key + ": placeholders " + (lacking.isEmpty() ? "" : "missing " + lacking + " ")
                        + (extra.isEmpty() ? "" : "extra " + extra));
            }
            for (Set<String> keywords : actual.pluralKeywords()) {
                if (!keywords.containsAll(required)) {
                    Set<String> lacking = new TreeSet<>(required);
                    lacking.removeAll(keywords);
                    problems.add(key + ": a plural lacks the categories " + lacking + " that "
                            + language.locale() + " needs");
                }
            }
        }
        for (String key : entries.keySet()) {
            if (!english.containsKey(key)) {
                problems.add(key + ": not in English (a stale or misspelt key)");
            }
        }
        return new Report(language, english.size(), missing, machine, unreviewed, reviewed, List.copyOf(problems));
    }

    /** The report as the {@code i18n} command prints it: one line per language, then each problem. */
    public static String text(Map<UiLanguage, Report> reports) {
        StringBuilder out = new StringBuilder(String.format("%-4s %-9s %5s %8s %8s %11s %9s %9s%n", "code",
                "language", "keys", "missing", "machine", "unreviewed", "reviewed", "problems"));
        for (Report r : reports.values()) {
            out.append(String.format("%-4s %-9s %5d %8d %8d %11d %9d %9d%n", r.language().code(),
                    r.language().englishName(), r.keys(), r.missing().size(), r.machine(), r.unreviewed(),
                    r.reviewed(), r.problems().size()));
        }
        for (Report r : reports.values()) {
            for (String problem : r.problems()) {
                out.append(r.language().code()).append(": ").append(problem).append('\n');
            }
        }
        return out.toString();
    }
}
