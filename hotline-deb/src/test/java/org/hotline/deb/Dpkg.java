package org.hotline.deb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The package under test and Debian's own tools run on it, each answering what it printed. */
final class Dpkg {
    private Dpkg() {
    }

    /** The package the build made: {@code hotline-deb/target/hotline_<version>_all.deb}. */
    static Path deb() {
        Path dir = Path.of(System.getProperty("hotline.deb.dir", "target"));
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("hotline_.*_all\\.deb")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no hotline_*_all.deb in " + dir
                            + ": the build makes it (mvn verify -pl hotline-deb -am)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean available(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    static boolean root() {
        return "0".equals(run(List.of("id", "-u")).output().strip());
    }

    /** What a command printed (standard output and error together) and how it exited. */
    record Result(int exit, String output) {
        Result ok() {
            if (exit != 0) {
                throw new AssertionError("exit " + exit + ":\n" + output);
            }
            return this;
        }
    }

    static Result run(List<String> command) {
        try {
            Path out = Files.createTempFile("dpkg-test", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(out.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " hung");
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Result run(String... command) {
        return run(new ArrayList<>(List.of(command)));
    }
}
