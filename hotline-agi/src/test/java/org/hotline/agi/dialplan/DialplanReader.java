package org.hotline.agi.dialplan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Asterisk configuration files for tests: {@code extensions.conf} into a {@link Dialplan}, and the
 * other {@code .conf} files (queues, manager, modules, musiconhold, voicemail, pjsip) into a plain
 * {@link Conf} of sections and {@code key = value} entries.
 *
 * <p>It understands what these files use and rejects the rest loudly, so a construct it does not know
 * can never be skipped in silence: {@code [context]} headers (with template markers such as {@code (!)}),
 * {@code exten =>}, {@code same =>}, {@code include =>}, priorities {@code 1}, {@code n}, {@code n(label)},
 * {@code [general]} and {@code [globals]}, {@code ;} comments (not when escaped as {@code \;}) and
 * {@code ;-- block --;} comments.
 */
final class DialplanReader {
    /** System property surefire sets to the multi-module root. */
    static final String REPO_ROOT_PROPERTY = "hotline.repo.root";

    private static final Pattern CONTEXT_HEADER = Pattern.compile("\\[([^\\]]+)\\]\\s*(?:\\(([^)]*)\\))?");
    private static final Pattern DIALPLAN_LINE = Pattern.compile("(exten|same|include)\\s*=>?\\s*(.*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PRIORITY = Pattern.compile("(\\d+|n)(?:\\(([A-Za-z0-9_-]+)\\))?");

    private DialplanReader() {
    }

    // ---- locating files ---------------------------------------------------------------------------------

    /**
     * The repository root: the system property {@value #REPO_ROOT_PROPERTY} if it names a directory holding
     * {@code asterisk-conf/}, otherwise the nearest directory at or above the working directory that does.
     */
    static Path repoRoot() {
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
        throw new IllegalStateException("no asterisk-conf/ directory at or above " + start + " and -D"
                + REPO_ROOT_PROPERTY + " is " + configured);
    }

    /** {@code <repo>/asterisk-conf}. */
    static Path asteriskConf() {
        return repoRoot().resolve("asterisk-conf");
    }

    /** A file in {@code asterisk-conf/}. */
    static Path confFile(String name) {
        return asteriskConf().resolve(name);
    }

    /** Reads {@code asterisk-conf/extensions.conf}. */
    static Dialplan extensionsConf() {
        return read(confFile("extensions.conf"));
    }

    static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    // ---- comments -----------------------------------------------------------------------------------------

    /**
     * Removes comments from every line, keeping the line count: {@code ;} to the end of the line unless
     * written {@code \;} (which becomes {@code ;}), and {@code ;--} to {@code --;} blocks, which may span
     * lines and nest.
     */
    static List<String> stripComments(String text) {
        List<String> out = new ArrayList<>();
        int blockDepth = 0;
        for (String line : text.split("\r?\n", -1)) {
            StringBuilder kept = new StringBuilder();
            int i = 0;
            while (i < line.length()) {
                if (blockDepth > 0) {
                    if (line.startsWith("--;", i)) {
                        blockDepth--;
                        i += 3;
                    } else if (line.startsWith(";--", i)) {
                        blockDepth++;
                        i += 3;
                    } else {
                        i++;
                    }
                    continue;
                }
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == ';') {
                    kept.append(';');
                    i += 2;
                } else if (line.startsWith(";--", i)) {
                    blockDepth++;
                    i += 3;
                } else if (c == ';') {
                    break;
                } else {
                    kept.append(c);
                    i++;
                }
            }
            out.add(kept.toString());
        }
        if (blockDepth > 0) {
            throw new IllegalArgumentException("a ;-- block comment is never closed with --;");
        }
        return out;
    }

    // ---- extensions.conf ----------------------------------------------------------------------------------

    static Dialplan read(Path file) {
        return parse(text(file), file.toString());
    }

    /** Parses dialplan text; {@code source} names it in error messages. */
    static Dialplan parse(String text, String source) {
        List<String> lines = stripComments(text);
        Map<String, String> general = new LinkedHashMap<>();
        Map<String, String> globals = new LinkedHashMap<>();
        Map<String, Dialplan.Context> contexts = new LinkedHashMap<>();
        List<Dialplan.Priority> all = new ArrayList<>();
        String section = null;
        String lastExten = null;
        for (int index = 0; index < lines.size(); index++) {
            int lineNumber = index + 1;
            String line = lines.get(index).strip();
            if (line.isEmpty()) {
                continue;
            }
            String where = source + ":" + lineNumber;
            if (line.startsWith("#")) {
                throw new IllegalArgumentException(where + ": #include/#exec are not supported here: " + line);
            }
            Matcher header = CONTEXT_HEADER.matcher(line);
            if (line.startsWith("[")) {
                if (!header.matches()) {
                    throw new IllegalArgumentException(where + ": malformed section header: " + line);
                }
                section = header.group(1).strip();
                lastExten = null;
                if (!isSpecial(section)) {
                    if (contexts.containsKey(section)) {
                        throw new IllegalArgumentException(where + ": context [" + section + "] defined twice");
                    }
                    contexts.put(section, new Dialplan.Context(section, new LinkedHashMap<>(), new ArrayList<>()));
                }
                continue;
            }
            if (section == null) {
                throw new IllegalArgumentException(where + ": line outside any section: " + line);
            }
            if (isSpecial(section)) {
                String[] kv = keyValue(line, where);
                (section.equalsIgnoreCase("general") ? general : globals).put(kv[0], kv[1]);
                continue;
            }
            Matcher m = DIALPLAN_LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(where + ": not a dialplan line this reader knows: " + line);
            }
            String kind = m.group(1).toLowerCase(Locale.ROOT);
            String rest = m.group(2);
            Dialplan.Context context = contexts.get(section);
            switch (kind) {
                case "include" -> context.includes().add(rest.strip());
                case "exten" -> {
                    int comma = rest.indexOf(',');
                    if (comma < 0) {
                        throw new IllegalArgumentException(where + ": exten without priority: " + line);
                    }
                    lastExten = rest.substring(0, comma).strip();
                    all.add(addPriority(context, lastExten, rest.substring(comma + 1), lineNumber, where));
                }
                case "same" -> {
                    if (lastExten == null) {
                        throw new IllegalArgumentException(where + ": same => before any exten => in [" + section
                                + "]");
                    }
                    all.add(addPriority(context, lastExten, rest, lineNumber, where));
                }
                default -> throw new IllegalStateException(kind);
            }
        }
        return new Dialplan(source, general, globals, contexts, all, String.join("\n", lines));
    }

    private static boolean isSpecial(String section) {
        return section.equalsIgnoreCase("general") || section.equalsIgnoreCase("globals");
    }

    private static Dialplan.Priority addPriority(Dialplan.Context context, String exten, String rest, int line,
            String where) {
        int comma = rest.indexOf(',');
        if (comma < 0) {
            throw new IllegalArgumentException(where + ": priority without application: " + rest);
        }
        String priorityText = rest.substring(0, comma).strip();
        String application = rest.substring(comma + 1).strip();
        Matcher pm = PRIORITY.matcher(priorityText);
        if (!pm.matches()) {
            throw new IllegalArgumentException(where + ": priority '" + priorityText
                    + "' is not 1, 2, ..., n or n(label)");
        }
        List<Dialplan.Priority> priorities = context.extensions().computeIfAbsent(exten, k -> new ArrayList<>());
        int number;
        if (pm.group(1).equals("n")) {
            if (priorities.isEmpty()) {
                throw new IllegalArgumentException(where + ": priority n with no earlier priority for " + exten);
            }
            number = priorities.getLast().number() + 1;
        } else {
            number = Integer.parseInt(pm.group(1));
            if (!priorities.isEmpty() && number <= priorities.getLast().number()) {
                throw new IllegalArgumentException(where + ": priority " + number + " of " + exten
                        + " is not after " + priorities.getLast().number());
            }
        }
        String label = pm.group(2);
        if (label != null) {
            for (Dialplan.Priority p : priorities) {
                if (label.equals(p.label())) {
                    throw new IllegalArgumentException(where + ": label " + label + " used twice in " + exten);
                }
            }
        }
        String app;
        String args;
        int open = application.indexOf('(');
        if (open < 0) {
            app = application;
            args = "";
        } else {
            int close = application.lastIndexOf(')');
            if (close < open) {
                throw new IllegalArgumentException(where + ": no closing parenthesis: " + application);
            }
            if (!application.substring(close + 1).isBlank()) {
                throw new IllegalArgumentException(where + ": text after the closing parenthesis: " + application);
            }
            app = application.substring(0, open).strip();
            args = application.substring(open + 1, close);
        }
        if (!app.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException(where + ": not an application name: '" + app + "'");
        }
        Dialplan.Priority priority = new Dialplan.Priority(context.name(), exten, number, label, app, args, line);
        priorities.add(priority);
        return priority;
    }

    private static String[] keyValue(String line, String where) {
        int arrow = line.indexOf("=>");
        int equals = line.indexOf('=');
        int split = arrow >= 0 && arrow <= equals ? arrow : equals;
        if (split < 0) {
            throw new IllegalArgumentException(where + ": expected key = value: " + line);
        }
        int valueStart = split == arrow ? split + 2 : split + 1;
        return new String[] {line.substring(0, split).strip(), line.substring(valueStart).strip()};
    }

    // ---- other .conf files ----------------------------------------------------------------------------------

    /** One {@code key = value} (or {@code key => value}) line. */
    record Entry(String key, String value, int line) {
    }

    /** One {@code [name](options)} section; {@code options} holds what is in the parentheses, e.g. "!". */
    record Section(String name, String options, List<Entry> entries) {
        /** The last value of {@code key} (keys compare case-insensitively, as Asterisk does). */
        Optional<String> value(String key) {
            String found = null;
            for (Entry entry : entries) {
                if (entry.key().equalsIgnoreCase(key)) {
                    found = entry.value();
                }
            }
            return Optional.ofNullable(found);
        }

        /** Every value of {@code key}, in order. */
        List<String> values(String key) {
            List<String> found = new ArrayList<>();
            for (Entry entry : entries) {
                if (entry.key().equalsIgnoreCase(key)) {
                    found.add(entry.value());
                }
            }
            return found;
        }

        boolean isTemplate() {
            return options != null && options.contains("!");
        }
    }

    /** A parsed {@code .conf} file: its sections in order; the same name may appear more than once. */
    record Conf(String source, List<Section> sections) {
        Optional<Section> section(String name) {
            return sections.stream().filter(s -> s.name().equals(name)).findFirst();
        }

        Section require(String name) {
            return section(name).orElseThrow(() -> new AssertionError(source + " has no [" + name + "] section"));
        }
    }

    static Conf readConf(String fileName) {
        Path file = confFile(fileName);
        return parseConf(text(file), file.toString());
    }

    static Conf parseConf(String text, String source) {
        List<String> lines = stripComments(text);
        List<Section> sections = new ArrayList<>();
        Section current = null;
        for (int index = 0; index < lines.size(); index++) {
            String line = lines.get(index).strip();
            String where = source + ":" + (index + 1);
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                throw new IllegalArgumentException(where + ": #include/#exec are not supported here: " + line);
            }
            if (line.startsWith("[")) {
                Matcher header = CONTEXT_HEADER.matcher(line);
                if (!header.matches()) {
                    throw new IllegalArgumentException(where + ": malformed section header: " + line);
                }
                current = new Section(header.group(1).strip(), header.group(2), new ArrayList<>());
                sections.add(current);
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException(where + ": line outside any section: " + line);
            }
            String[] kv = keyValue(line, where);
            current.entries().add(new Entry(kv[0], kv[1], index + 1));
        }
        return new Conf(source, sections);
    }
}
