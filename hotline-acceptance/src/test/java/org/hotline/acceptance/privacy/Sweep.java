package org.hotline.acceptance.privacy;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16BE;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/**
 * Searches what the system wrote for secrets: text (pages, JSON, bus frames, log lines) and the raw bytes of
 * files in UTF-8 and both UTF-16s (Java, H2 and the report writers use all of them). Answers every hit as a
 * readable line, so one failing run shows all the leaks at once.
 */
final class Sweep {
    private final Collection<String> secrets;
    private final List<String> hits = new ArrayList<>();

    Sweep(Collection<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    /** Searches one piece of text, named {@code where} in the hits. */
    Sweep text(String where, String text) {
        for (String secret : secrets) {
            if (text.contains(secret)) {
                hits.add(where + " holds '" + secret + "'");
            }
        }
        return this;
    }

    /** Searches every regular file under {@code root} except those {@code skip} names. */
    Sweep files(Path root, java.util.function.Predicate<Path> skip) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).filter(skip.negate()).toList()) {
                file(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Sweep file(Path file) {
        try {
            // ISO-8859-1 maps each byte to one char, so a substring search is a byte search.
            String bytes = new String(Files.readAllBytes(file), ISO_8859_1);
            for (String secret : secrets) {
                for (Charset charset : List.of(UTF_8, UTF_16LE, UTF_16BE)) {
                    if (bytes.contains(new String(secret.getBytes(charset), ISO_8859_1))) {
                        hits.add(file + " holds '" + secret + "' in " + charset);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    List<String> hits() {
        return List.copyOf(hits);
    }
}
