package org.hotline.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import org.hotline.core.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Debian package holds, read with Debian's own {@code dpkg-deb} (works as any user): its Java dependency,
 * every file with its owner and mode, the configuration in /etc with every default commented, the jar's class path
 * complete, and the systemd unit hardened (checked by systemd-analyze where it is installed).
 */
class PackageContentsTest {
    @TempDir
    Path dir;

    @Test
    void itDeclaresJava25AndTheToolsItsScriptsUse() {
        String depends = Dpkg.run("dpkg-deb", "--field", Dpkg.deb().toString(), "Depends").ok().output();
        assertThat(depends).contains("temurin-25-jdk | temurin-25-jre | openjdk-25-jre-headless | "
                + "java25-runtime-headless").contains("systemd | adduser").contains("util-linux");
        assertThat(Dpkg.run("dpkg-deb", "--field", Dpkg.deb().toString(), "Package", "Architecture").ok().output())
                .contains("Package: hotline").contains("Architecture: all");
    }

    @Test
    void everyFileBelongsToRootAndOnlyTheCommandIsExecutableAndTheConfigurationIsNotWorldReadable() {
        Map<String, String[]> files = contents();
        assertThat(files).containsKeys("./usr/bin/hotline", "./usr/share/hotline/hotline.jar",
                "./usr/lib/systemd/system/hotline.service", "./usr/lib/sysusers.d/hotline.conf",
                "./etc/hotline/hotline.properties", "./usr/share/doc/hotline/README.md",
                "./usr/share/hotline/asterisk/extensions.conf");
        files.forEach((path, entry) -> {
            assertThat(entry[1]).as("owner of %s", path).isEqualTo("root/root");
            assertThat(entry[0].charAt(5) == 'w' || entry[0].charAt(8) == 'w').as("%s writable by others: %s", path,
                    entry[0]).isFalse();
        });
        assertThat(files.get("./usr/bin/hotline")[0]).isEqualTo("-rwxr-xr-x");
        assertThat(files.get("./etc/hotline/hotline.properties")[0]).isEqualTo("-rw-r-----");
        assertThat(files.entrySet().stream().filter(e -> e.getValue()[0].startsWith("-") && e.getValue()[0]
                .contains("x")).map(Map.Entry::getKey)).containsExactly("./usr/bin/hotline");
        Dpkg.run("dpkg-deb", "-e", Dpkg.deb().toString(), dir.resolve("control").toString()).ok();
        try {
            assertThat(Files.readString(dir.resolve("control/conffiles")).strip())
                    .isEqualTo("/etc/hotline/hotline.properties");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theConfigurationInEtcHasEveryDefaultCommentedAndPointsAtTheServersDirectories() throws IOException {
        Path root = extract();
        Path etc = root.resolve("etc/hotline/hotline.properties");
        String text = Files.readString(etc);
        Properties defaults = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/hotline.properties")) {
            defaults.load(in);
        }
        for (String key : defaults.stringPropertyNames()) {
            assertThat(text).as("the commented default of %s", key).containsPattern("(?m)^#" + java.util.regex.Pattern
                    .quote(key) + " =");
        }
        Settings settings = Settings.load(Map.of("HOTLINE_CONFIG", etc.toString()));
        assertThat(settings.string("data.dir")).isEqualTo("/var/lib/hotline");
        assertThat(settings.string("backup.key-file")).isEqualTo("/etc/hotline/backup.key");
        // Everything else is the built-in default.
        assertThat(settings.string("agi.bind")).isEqualTo("127.0.0.1");
        assertThat(settings.string("ivr.voicemail.dir")).isEqualTo("/var/spool/asterisk/hotline-voicemail");
    }

    @Test
    void theJarFindsEveryLibraryOfItsClassPathInThePackage() throws IOException {
        Path root = extract();
        Path jar = root.resolve("usr/share/hotline/hotline.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            String classPath = file.getManifest().getMainAttributes().getValue("Class-Path");
            assertThat(classPath).contains("lib/bcpg-jdk18on");
            for (String entry : classPath.split(" ")) {
                assertThat(jar.resolveSibling(entry)).as("class path entry %s", entry).isRegularFile();
            }
        }
        String help = Dpkg.run(java(), "-jar", jar.toString(), "--help").ok().output();
        assertThat(help).contains("backup").contains("restore").contains("run");
    }

    @Test
    void theServiceIsHardenedRestartsAfterAnyExitStartsAtBootAndLogsToTheJournal() throws IOException {
        Map<String, List<String>> unit = unit(extract().resolve("usr/lib/systemd/system/hotline.service"));
        assertThat(unit.get("User")).containsExactly("hotline");
        assertThat(unit.get("ExecStart")).containsExactly("/usr/bin/hotline run");
        // Restart=always: back after kill -9, an out-of-memory exit or any crash, not only a failure code.
        assertThat(unit.get("Restart")).containsExactly("always");
        assertThat(unit.get("ProtectSystem")).containsExactly("strict");
        assertThat(unit.get("PrivateTmp")).containsExactly("true");
        assertThat(unit.get("NoNewPrivileges")).containsExactly("true");
        assertThat(unit.get("ProtectHome")).containsExactly("true");
        assertThat(unit.get("CapabilityBoundingSet")).containsExactly("");
        assertThat(unit.get("StateDirectory")).containsExactly("hotline");
        assertThat(unit.get("StateDirectoryMode")).containsExactly("0700");
        // Writable: the data directory (StateDirectory), the voice-message folder the purge empties, and the prompt
        // studio's phone takes (deleted once stored). Nothing else.
        assertThat(unit.get("ReadWritePaths")).containsExactly("-/var/spool/asterisk/hotline-voicemail",
                "-/var/spool/asterisk/hotline-studio");
        assertThat(unit).doesNotContainKeys("ReadOnlyPaths", "InaccessiblePaths", "BindPaths");
        assertThat(unit.get("StandardOutput")).containsExactly("journal");
        assertThat(unit.get("StandardError")).containsExactly("journal");
        assertThat(unit.get("WantedBy")).containsExactly("multi-user.target");
    }

    @Test
    void systemdAcceptsTheUnit() throws IOException {
        assumeTrue(Dpkg.available("systemd-analyze"), "systemd-analyze is not installed here");
        Path root = extract();
        // verify --root needs the targets the unit names; the host's are the real ones.
        Path units = root.resolve("usr/lib/systemd/system");
        for (String system : List.of("/usr/lib/systemd/system", "/lib/systemd/system")) {
            try (var targets = Files.list(Path.of(system))) {
                for (Path target : targets.filter(f -> f.toString().endsWith(".target")
                        || f.toString().endsWith(".slice")).toList()) {
                    Path copy = units.resolve(target.getFileName());
                    if (!Files.exists(copy)) {
                        Files.copy(target, copy);
                    }
                }
            } catch (java.nio.file.NoSuchFileException e) {
                // one of the two is the other on a merged-/usr system
            }
        }
        Dpkg.Result verify = Dpkg.run("systemd-analyze", "verify", "--root=" + root, "hotline.service");
        assertThat(verify.exit()).as(verify.output()).isZero();
        Dpkg.Result security = Dpkg.run("systemd-analyze", "security", "--offline=true", "--root=" + root,
                "hotline.service");
        assertThat(security.exit()).as(security.output()).isZero();
        java.util.regex.Matcher level = java.util.regex.Pattern.compile("Overall exposure level for hotline.service: "
                + "([0-9.]+)").matcher(security.output());
        assertThat(level.find()).as(security.output()).isTrue();
        // systemd's scale: 0 is fully locked down, 10 an unprotected service; under 4 reads "OK".
        assertThat(Double.parseDouble(level.group(1))).as(security.output()).isLessThan(4.0);
    }

    private Path extract() {
        Path root = dir.resolve("root");
        if (!Files.exists(root)) {
            Dpkg.run("dpkg-deb", "-x", Dpkg.deb().toString(), root.toString()).ok();
        }
        return root;
    }

    /** {@code dpkg-deb --contents}: path to {mode, owner/group}. */
    private static Map<String, String[]> contents() {
        Map<String, String[]> files = new LinkedHashMap<>();
        for (String line : Dpkg.run("dpkg-deb", "--contents", Dpkg.deb().toString()).ok().output().split("\n")) {
            String[] fields = line.trim().split("\\s+", 6);
            if (fields.length == 6) {
                files.put(fields[5].replaceFirst(" -> .*$", ""), new String[] {fields[0], fields[1]});
            }
        }
        return files;
    }

    /** A unit file's settings: each key with every value it is given, in order. */
    static Map<String, List<String>> unit(Path file) throws IOException {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("[")) {
                continue;
            }
            String[] pair = line.split("=", 2);
            settings.computeIfAbsent(pair[0].trim(), key -> new ArrayList<>()).add(pair[1].trim());
        }
        return settings;
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
