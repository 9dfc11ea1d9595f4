package org.hotline.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Hotline's settings: the commented defaults in {@code hotline.properties}, then an optional file named by
 * {@code HOTLINE_CONFIG}, then environment variables ({@code agi.port} is {@code HOTLINE_AGI_PORT}). Each
 * feature reads its own typed record from here; unknown keys and malformed values fail at start-up with
 * the key's name.
 */
public final class Settings {
    private static final String DEFAULTS = "/hotline.properties";
    private static final String CONFIG_FILE_VARIABLE = "HOTLINE_CONFIG";
    private static final String PREFIX = "HOTLINE_";
    /**
     * The {@code HOTLINE_*} environment variables that are not settings, and so are not typos: the configuration
     * file's name, the scripts' own variables ({@code scripts/lib.sh} sets {@code HOTLINE_ROOT} and
     * {@code HOTLINE_JAR}; a caller may export them) and the benchmark's extra server JVM flags. Every other
     * {@code HOTLINE_*} variable must name a key of {@code hotline.properties}.
     */
    public static final Set<String> NOT_SETTINGS = Set.of(CONFIG_FILE_VARIABLE, "HOTLINE_ROOT", "HOTLINE_JAR",
            "HOTLINE_BENCH_SERVER_FLAGS");

    private final Map<String, String> values;

    private Settings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Loads the defaults, the optional {@code HOTLINE_CONFIG} file and the environment. */
    public static Settings load(Map<String, String> environment) {
        Map<String, String> values = defaults();
        rejectUnknownVariables(environment, values.keySet());
        String file = environment.get(CONFIG_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            overlay(values, readFile(Path.of(file)), "file " + file);
        }
        for (String key : values.keySet()) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                values.put(key, fromEnvironment);
            }
        }
        return new Settings(values);
    }

    /** The defaults alone. */
    public static Settings defaultSettings() {
        return new Settings(defaults());
    }

    /** A copy with some keys replaced, for tests and commands that take options. */
    public Settings with(Map<String, String> overrides) {
        Map<String, String> copy = new HashMap<>(values);
        overlay(copy, overrides, "overrides");
        return new Settings(copy);
    }

    /** The environment variable that overrides {@code key}. */
    public static String environmentName(String key) {
        return "HOTLINE_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new SettingsException("unknown setting '" + key + "'");
        }
        return value.trim();
    }

    public int integer(String key) {
        try {
            return Integer.parseInt(string(key));
        } catch (NumberFormatException e) {
            throw invalid(key, "a whole number");
        }
    }

    public int port(String key) {
        int port = integer(key);
        if (port < 0 || port > 65_535) {
            throw invalid(key, "a port number from 0 to 65535");
        }
        return port;
    }

    public boolean bool(String key) {
        return switch (string(key).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw invalid(key, "true or false");
        };
    }

    /** A duration written with a unit: {@code 500ms}, {@code 5s}, {@code 10m}, {@code 1h}, {@code 90d}. */
    public Duration duration(String key) {
        String text = string(key).toLowerCase(Locale.ROOT);
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1).trim());
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw invalid(key, "a duration such as 500ms, 5s, 10m or 1h");
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw invalid(key, "a duration such as 500ms, 5s, 10m or 1h");
        }
    }

    /** A comma-separated list; empty items are dropped. */
    public List<String> list(String key) {
        return Arrays.stream(string(key).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public Path path(String key) {
        return Path.of(string(key));
    }

    private SettingsException invalid(String key, String expected) {
        return new SettingsException("setting '" + key + "' (" + environmentName(key) + ") must be " + expected
                + ", not '" + values.get(key) + "'");
    }

    /** A {@code HOTLINE_*} variable that names no setting is a typo (or a removed setting): fail, naming it. */
    private static void rejectUnknownVariables(Map<String, String> environment, Set<String> keys) {
        Map<String, String> known = new TreeMap<>();
        keys.forEach(key -> known.put(environmentName(key), key));
        new TreeSet<>(environment.keySet()).stream()
                .filter(name -> name.startsWith(PREFIX) && !known.containsKey(name) && !NOT_SETTINGS.contains(name))
                .findFirst()
                .ifPresent(name -> {
                    String suggestion = suggestion(name, known);
                    throw new SettingsException(name + " is not a Hotline setting" + (suggestion.isEmpty()
                            ? "; the settings are the keys of hotline.properties (agi.port is HOTLINE_AGI_PORT)."
                            : suggestion));
                });
    }

    /** "; did you mean HOTLINE_AGI_PORT (agi.port)?" for the nearest variable within a few typed characters. */
    private static String suggestion(String name, Map<String, String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known.keySet()) {
            int distance = LevenshteinDistance.getDefaultInstance().apply(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.max(2, (name.length() - PREFIX.length()) / 4);
        return best != null && bestDistance <= allowed ? "; did you mean " + best + " (" + known.get(best) + ")?" : "";
    }

    private static Map<String, String> defaults() {
        try (InputStream in = Settings.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new SettingsException("the defaults file " + DEFAULTS + " is missing from the classpath");
            }
            return toMap(parse(new java.io.InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new SettingsException("cannot read the defaults file " + DEFAULTS + ": " + e.getMessage());
        }
    }

    private static Map<String, String> readFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return toMap(parse(reader));
        } catch (IOException e) {
            throw new SettingsException("cannot read the configuration file " + file + ": " + e.getMessage());
        }
    }

    private static Properties parse(Reader reader) throws IOException {
        Properties properties = new Properties();
        properties.load(reader);
        return properties;
    }

    private static Map<String, String> toMap(Properties properties) {
        Map<String, String> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    private static void overlay(Map<String, String> values, Map<String, String> overrides, String source) {
        TreeSet<String> unknown = new TreeSet<>(overrides.keySet());
        unknown.removeAll(values.keySet());
        if (!unknown.isEmpty()) {
            throw new SettingsException("unknown setting(s) " + unknown + " in " + source);
        }
        values.putAll(overrides);
    }
}
