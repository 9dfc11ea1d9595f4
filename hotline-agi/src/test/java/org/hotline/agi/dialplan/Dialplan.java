package org.hotline.agi.dialplan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code extensions.conf} (see {@link DialplanReader}): {@code [general]}, {@code [globals]} and the
 * contexts with their extensions and numbered priorities. Also the small parsing helpers the tests and the
 * {@link DialplanWalker} share: application arguments, jump targets, conditions, extension patterns and
 * {@code ${...}} references.
 */
final class Dialplan {

    /** One dialplan line: {@code exten => 1098,3(label),App(args)} is priority 3 of 1098. */
    record Priority(String context, String exten, int number, String label, String app, String args, int line) {
        boolean is(String application) {
            return app.equalsIgnoreCase(application);
        }

        /** The arguments split at top-level commas, as Asterisk splits them for most applications. */
        List<String> argList() {
            return splitArgs(args);
        }

        /** Where this line is, for messages: {@code [ctx] exten,priority(label) line N: App(args)}. */
        String where() {
            return "[" + context + "] " + exten + "," + number + (label == null ? "" : "(" + label + ")")
                    + " line " + line + ": " + app + "(" + args + ")";
        }
    }

    /** A context: its extensions (name to priorities in order) and includes. */
    record Context(String name, Map<String, List<Priority>> extensions, List<String> includes) {
    }

    /**
     * Where a Goto, Gosub or hangup handler goes. {@code priority} is a number or a label; {@code args} is
     * what a Gosub passes in parentheses (empty list if none).
     */
    record Target(String context, String exten, String priority, List<String> args) {
        @Override
        public String toString() {
            return context + "," + exten + "," + priority + (args.isEmpty() ? "" : "(" + String.join(",", args)
                    + ")");
        }
    }

    /** {@code condition?ifTrue:ifFalse}; a missing branch is the empty string. */
    record Conditional(String condition, String ifTrue, String ifFalse) {
    }

    /** A {@code ${...}} reference: a variable, or a function call with its argument text. */
    record Reference(String name, boolean function, String arguments) {
    }

    private final String source;
    private final Map<String, String> general;
    private final Map<String, String> globals;
    private final Map<String, Context> contexts;
    private final List<Priority> priorities;
    private final String withoutComments;

    Dialplan(String source, Map<String, String> general, Map<String, String> globals, Map<String, Context> contexts,
            List<Priority> priorities, String withoutComments) {
        this.source = source;
        this.general = Collections.unmodifiableMap(general);
        this.globals = Collections.unmodifiableMap(globals);
        this.contexts = Collections.unmodifiableMap(contexts);
        this.priorities = List.copyOf(priorities);
        this.withoutComments = withoutComments;
    }

    String source() {
        return source;
    }

    Map<String, String> general() {
        return general;
    }

    Map<String, String> globals() {
        return globals;
    }

    Map<String, Context> contexts() {
        return contexts;
    }

    /** Every priority in file order. */
    List<Priority> priorities() {
        return priorities;
    }

    /** Every priority running {@code application} (case-insensitive). */
    List<Priority> priorities(String application) {
        return priorities.stream().filter(p -> p.is(application)).toList();
    }

    /** The file's text with every comment removed (line numbers kept). */
    String withoutComments() {
        return withoutComments;
    }

    /**
     * The extension of {@code context} that Asterisk would run for the dialled {@code exten}: an exact
     * match first, otherwise the only pattern that matches. Several matching patterns are reported as an
     * error, since this reader does not rank them the way Asterisk does.
     */
    Optional<String> extensionFor(String context, String exten) {
        Context c = contexts.get(context);
        if (c == null) {
            return Optional.empty();
        }
        if (c.extensions().containsKey(exten)) {
            return Optional.of(exten);
        }
        List<String> matching = new ArrayList<>();
        for (String candidate : c.extensions().keySet()) {
            if (candidate.startsWith("_") && patternMatches(candidate, exten)) {
                matching.add(candidate);
            }
        }
        if (matching.size() > 1) {
            throw new IllegalStateException("[" + context + "] has several patterns matching " + exten + ": "
                    + matching);
        }
        return matching.stream().findFirst();
    }

    /** The priority a target names, if it exists: context, extension (exact or pattern), number or label. */
    Optional<Priority> resolve(Target target) {
        Optional<String> exten = extensionFor(target.context(), target.exten());
        if (exten.isEmpty()) {
            return Optional.empty();
        }
        List<Priority> list = contexts.get(target.context()).extensions().get(exten.get());
        for (Priority p : list) {
            if (target.priority().matches("\\d+") ? p.number() == Integer.parseInt(target.priority())
                    : target.priority().equals(p.label())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Priority {@code number} of extension {@code extenKey} (the name as written), if it exists. */
    Optional<Priority> at(String context, String extenKey, int number) {
        Context c = contexts.get(context);
        if (c == null || !c.extensions().containsKey(extenKey)) {
            return Optional.empty();
        }
        return c.extensions().get(extenKey).stream().filter(p -> p.number() == number).findFirst();
    }

    /** The priority after {@code p} in its extension (numbers may skip), if any. */
    Optional<Priority> next(Priority p) {
        return contexts.get(p.context()).extensions().get(p.exten()).stream()
                .filter(q -> q.number() > p.number()).findFirst();
    }

    // ---- shared parsing helpers ---------------------------------------------------------------------------

    /**
     * Asterisk extension pattern matching for {@code _...} names: X is 0-9, Z is 1-9, N is 2-9, [..] a
     * set or range, '.' one or more of anything, '!' zero or more; everything else matches itself.
     */
    static boolean patternMatches(String pattern, String exten) {
        if (!pattern.startsWith("_")) {
            return pattern.equals(exten);
        }
        StringBuilder regex = new StringBuilder();
        String p = pattern.substring(1);
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> regex.append("[0-9]");
                case 'Z' -> regex.append("[1-9]");
                case 'N' -> regex.append("[2-9]");
                case '.' -> regex.append(".+");
                case '!' -> regex.append(".*");
                case '[' -> {
                    int end = p.indexOf(']', i);
                    if (end < 0) {
                        throw new IllegalArgumentException("unclosed [ in pattern " + pattern);
                    }
                    regex.append('[').append(p, i + 1, end).append(']');
                    i = end;
                }
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return exten.matches(regex.toString());
    }

    /**
     * Splits application arguments at commas outside parentheses, brackets, braces and double quotes,
     * the way Asterisk's standard argument parsing treats nested function calls.
     */
    static List<String> splitArgs(String args) {
        List<String> out = new ArrayList<>();
        if (args.isEmpty()) {
            return out;
        }
        int depth = 0;
        boolean quoted = false;
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && i + 1 < args.length()) {
                current.append(c).append(args.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0 && !quoted) {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }

    /**
     * A jump target as Goto, Gosub or CHANNEL(hangup_handler_push) take it:
     * {@code [[context,]exten,]priority[(arg1,...)]}, relative to where it is written.
     */
    static Target parseTarget(String spec, String currentContext, String currentExten) {
        List<String> args = List.of();
        String label = spec.strip();
        int open = label.indexOf('(');
        if (open >= 0) {
            int close = label.lastIndexOf(')');
            if (close < open) {
                throw new IllegalArgumentException("no closing parenthesis in target " + spec);
            }
            args = splitArgs(label.substring(open + 1, close));
            label = label.substring(0, open);
        }
        String[] parts = label.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].strip();
        }
        return switch (parts.length) {
            case 1 -> new Target(currentContext, currentExten, parts[0], args);
            case 2 -> new Target(currentContext, parts[0], parts[1], args);
            case 3 -> new Target(parts[0], parts[1], parts[2], args);
            default -> throw new IllegalArgumentException("not a jump target: " + spec);
        };
    }

    /**
     * Splits {@code condition?ifTrue:ifFalse} as written in the file: at the first {@code ?} outside
     * {@code ${...}}, {@code $[...]}, parentheses and quotes, then the branches at the first top-level
     * {@code :}.
     */
    static Conditional parseConditional(String args) {
        int question = topLevelIndexOf(args, '?', 0);
        if (question < 0) {
            throw new IllegalArgumentException("no ? in condition: " + args);
        }
        String branches = args.substring(question + 1);
        int colon = topLevelIndexOf(branches, ':', 0);
        return new Conditional(args.substring(0, question),
                colon < 0 ? branches : branches.substring(0, colon),
                colon < 0 ? "" : branches.substring(colon + 1));
    }

    private static int topLevelIndexOf(String text, char wanted, int from) {
        int depth = 0;
        boolean quoted = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '(' || c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ')' || c == ']' || c == '}')) {
                depth--;
            } else if (c == wanted && depth == 0 && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Every {@code ${...}} reference in {@code text}, outer ones first, then those nested in function
     * arguments: {@code ${REGEX("^1$" ${X})}} gives the function REGEX and the variable X.
     */
    static List<Reference> references(String text) {
        List<Reference> out = new ArrayList<>();
        collectReferences(text, out);
        return out;
    }

    private static void collectReferences(String text, List<Reference> out) {
        int i = 0;
        while (i < text.length() - 1) {
            if (text.charAt(i) == '$' && text.charAt(i + 1) == '{') {
                int end = matchingBrace(text, i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed ${ in: " + text);
                }
                String inner = text.substring(i + 2, end);
                int open = inner.indexOf('(');
                if (open > 0 && inner.endsWith(")") && inner.substring(0, open).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    String arguments = inner.substring(open + 1, inner.length() - 1);
                    out.add(new Reference(inner.substring(0, open), true, arguments));
                    collectReferences(arguments, out);
                } else {
                    collectReferences(inner, out);
                    String name = inner.contains(":") ? inner.substring(0, inner.indexOf(':')) : inner;
                    if (!name.contains("${")) {
                        out.add(new Reference(name, false, ""));
                    }
                }
                i = end + 1;
            } else {
                i++;
            }
        }
    }

    /** Index of the {@code }} closing a {@code ${} whose body starts at {@code from}, counted as Asterisk does. */
    static int matchingBrace(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the {@code ]} closing a {@code $[} whose body starts at {@code from}, counted as Asterisk does. */
    static int matchingBracket(String text, int from) {
        int depth = 1;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }
}
