package org.hotline.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void preparingMakesTheTreeOwnerOnlyWithoutFollowingLinks() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data.resolve("reports/2026-01-01"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(data.resolve("reports"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Path report = Files.writeString(data.resolve("reports/2026-01-01/report.html"), "x");
        Files.setPosixFilePermissions(report, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path outside = Files.writeString(dir.resolve("outside.txt"), "not ours");
        Files.setPosixFilePermissions(outside, PosixFilePermissions.fromString("rw-r--r--"));
        Files.createSymbolicLink(data.resolve("link"), outside);

        DataDirectory.prepare(data);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("reports"))).isEqualTo("rwx------");
        assertThat(mode(data.resolve("reports/2026-01-01"))).isEqualTo("rwx------");
        assertThat(mode(report)).isEqualTo("rw-------");
        assertThat(mode(outside)).as("a link's target outside is left alone").isEqualTo("rw-r--r--");
    }

    @Test
    void aNewDataDirectoryIsCreatedOwnerOnly() throws Exception {
        Path data = dir.resolve("new/data");

        DataDirectory.prepare(data);

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(DataDirectory.tighten(data)).as("nothing left to change").isZero();
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
