package org.hotline.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One command line from the server, split the way Asterisk's {@code res_agi} splits it: words separated by
 * blanks, double quotes group words (and may be empty), a backslash takes the next character literally.
 *
 * @param line the line as received
 * @param name the known command it starts with, upper case (for example {@code "GET FULL VARIABLE"}), or
 *             {@code null} for a command this fake does not know
 * @param args the words after the name, unquoted
 */
record AgiCommand(String line, String name, List<String> args) {

    /** Known commands; longer names first, so "GET FULL VARIABLE" wins over a shorter prefix. */
    private static final List<String> NAMES = List.of(
            "CONTROL STREAM FILE", "GET FULL VARIABLE", "WAIT FOR DIGIT", "CHANNEL STATUS", "SET AUTOHANGUP", "SET CALLERID",
            "SET VARIABLE", "GET VARIABLE", "STREAM FILE", "RECORD FILE", "SAY NUMBER", "SAY DIGITS",
            "GET OPTION", "SET MUSIC", "GET DATA", "ANSWER", "VERBOSE", "HANGUP", "EXEC", "NOOP");

    static AgiCommand parse(String line) {
        List<String> words = split(line);
        for (String name : NAMES) {
            String[] nameWords = name.split(" ");
            if (startsWith(words, nameWords)) {
                return new AgiCommand(line, name, List.copyOf(words.subList(nameWords.length, words.size())));
            }
        }
        return new AgiCommand(line, null, List.copyOf(words));
    }

    boolean known() {
        return name != null;
    }

    /** The {@code index}-th argument, or {@code fallback} when the server left it out. */
    String arg(int index, String fallback) {
        return index < args.size() ? args.get(index) : fallback;
    }

    /** The command's name, or its first word if unknown: safe to log, unlike its arguments. */
    String label() {
        if (name != null) {
            return name;
        }
        List<String> words = split(line);
        return words.isEmpty() ? "" : words.getFirst().toUpperCase(Locale.ROOT);
    }

    private static boolean startsWith(List<String> words, String[] nameWords) {
        if (words.size() < nameWords.length) {
            return false;
        }
        for (int i = 0; i < nameWords.length; i++) {
            if (!words.get(i).equalsIgnoreCase(nameWords[i])) {
                return false;
            }
        }
        return true;
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        boolean escaped = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                word.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
                inWord = true;
            } else if (c == '"') {
                // A quote starts a word even if nothing follows: "" is an empty argument, not a missing one.
                quoted = !quoted;
                inWord = true;
            } else if (!quoted && Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
