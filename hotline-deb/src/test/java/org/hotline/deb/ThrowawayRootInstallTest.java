package org.hotline.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the package with dpkg into a throwaway root ({@code dpkg --root}, its maintainer scripts run without a
 * chroot with {@code DPKG_ROOT} set, as Debian allows), then upgrades it (a failed backup stops the upgrade, a
 * working one comes first), removes and purges it, checking what each step leaves: the system user, the data
 * directory and the backup key with their owners and modes, the service enabled to start at boot, the installed
 * command working, and nothing of the package left after removal but what is kept on purpose. dpkg must set file
 * owners, so this runs as root (as CI does); as another user it is skipped (PackageContentsTest still checks the
 * package's files, modes and unit). systemd does not run in a root like this: starting, restarting after
 * {@code kill -9} and journal logging are what the unit says, checked in PackageContentsTest, not observed here.
 */
class ThrowawayRootInstallTest {
    @TempDir
    Path dir;

    @Test
    void installsWithItsOwnUserUpgradesAfterABackupKeepingTheKeyAndIsRemovedCleanly() throws IOException {
        assumeTrue(Dpkg.available("dpkg"), "dpkg is not installed here");
        assumeTrue(Dpkg.root(), "dpkg --root needs root to set file owners; run as root (CI does)");
        Path root = throwawayRoot();

        String installed = dpkg(root, "--force-depends", "-i", Dpkg.deb().toString()).output();

        assertThat(installed).contains("Setting up hotline");
        String passwd = Files.readString(root.resolve("etc/passwd"));
        assertThat(passwd).containsPattern("(?m)^hotline:x:\\d+:\\d+:[^:]*:/var/lib/hotline:/usr/sbin/nologin$");
        int uid = Integer.parseInt(passwd.lines().filter(l -> l.startsWith("hotline:")).findFirst().orElseThrow()
                .split(":")[2]);
        assertThat(uid).as("a system user's id").isLessThan(1000);
        Path data = root.resolve("var/lib/hotline");
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(Files.getAttribute(data, "unix:uid", LinkOption.NOFOLLOW_LINKS)).isEqualTo(uid);
        Path key = root.resolve("etc/hotline/backup.key");
        assertThat(mode(key)).isEqualTo("rw-r-----");
        assertThat(Files.getAttribute(key, "unix:uid")).isEqualTo(0);
        assertThat(Files.getAttribute(key, "unix:gid")).isEqualTo(gid(root));
        String passphrase = Files.readString(key).strip();
        assertThat(passphrase).hasSizeGreaterThanOrEqualTo(40);
        assertThat(mode(root.resolve("etc/hotline"))).isEqualTo("rwxr-x---");
        assertThat(mode(root.resolve("etc/hotline/hotline.properties"))).isEqualTo("rw-r-----");
        Path wants = root.resolve("etc/systemd/system/multi-user.target.wants/hotline.service");
        assertThat(Files.isSymbolicLink(wants)).as("enabled: starts at boot").isTrue();
        assertThat(Files.readSymbolicLink(wants).toString()).endsWith("/systemd/system/hotline.service");
        assertThat(root.resolve("usr/share/hotline/hotline.jar")).isRegularFile();

        // The installed command finds Java 25 and its jar, reads /etc/hotline, and makes a backup with the key the
        // package made (run here in the root, as this test's user, with paths pointed into the root).
        Dpkg.Result backup = Dpkg.run(List.of("env", "DPKG_ROOT=" + root, "HOTLINE_DATA_DIR=" + data.resolve("d"),
                "HOTLINE_BACKUP_KEY_FILE=" + key, "HOTLINE_IVR_VOICEMAIL_DIR=" + root.resolve("voicemail"),
                "sh", root.resolve("usr/bin/hotline").toString(), "backup")).ok();
        assertThat(backup.output()).contains("Backup written to " + data.resolve("d/backups/hotline-backup-"));

        // An upgrade (here the same version again) first makes a backup with the installed version; the
        // configuration points it into this root, as an administrator's edits of /etc/hotline would point it.
        Path etc = root.resolve("etc/hotline/hotline.properties");
        Files.writeString(etc, Files.readString(etc).replace("data.dir = /var/lib/hotline", "data.dir = " + data)
                .replace("backup.key-file = /etc/hotline/backup.key", "backup.key-file = " + key)
                + "ivr.voicemail.dir = " + root.resolve("voicemail") + "\n");
        Files.move(key, root.resolve("key-away"));
        Dpkg.Result refused = dpkgAllowingFailure(root, "--force-depends", "-i", Dpkg.deb().toString());
        assertThat(refused.exit()).as("an upgrade whose backup fails stops").isNotZero();
        assertThat(refused.output()).contains("the backup before the upgrade failed, so the upgrade stops here");
        Files.move(root.resolve("key-away"), key);
        String upgraded = dpkg(root, "--force-depends", "-i", Dpkg.deb().toString()).output();
        assertThat(upgraded).contains("backing up before the upgrade").contains("Backup written to "
                + data.resolve("backups").resolve("hotline-backup-"));
        // The user is not made twice, the key never replaced.
        assertThat(Files.readString(root.resolve("etc/passwd")).lines().filter(l -> l.startsWith("hotline:")))
                .hasSize(1);
        assertThat(Files.readString(key).strip()).as("the backup key survives an upgrade").isEqualTo(passphrase);

        Files.writeString(data.resolve("hotline.mv.db"), "the tips");
        dpkg(root, "-r", "hotline");
        assertThat(root.resolve("usr/share/hotline")).doesNotExist();
        assertThat(root.resolve("usr/bin/hotline")).doesNotExist();
        assertThat(root.resolve("usr/lib/systemd/system/hotline.service")).doesNotExist();
        assertThat(Files.exists(wants, LinkOption.NOFOLLOW_LINKS)).as("disabled at removal").isFalse();
        assertThat(root.resolve("etc/hotline/hotline.properties")).as("configuration kept until purge").exists();

        String purged = dpkg(root, "-P", "hotline").output();
        assertThat(root.resolve("etc/hotline/hotline.properties")).doesNotExist();
        assertThat(data.resolve("hotline.mv.db")).as("the data is never deleted by the package").hasContent("the tips");
        assertThat(key).as("nor the key its backups need").exists();
        assertThat(purged).contains("kept /var/lib/hotline");
        assertThat(Dpkg.run("dpkg", "--root=" + root, "-l", "hotline").output()).doesNotContain("ii  hotline");
    }

    /** An empty root with dpkg's database and the two account files the scripts read. */
    private Path throwawayRoot() throws IOException {
        Path root = dir.resolve("root");
        for (String sub : List.of("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc",
                "usr/sbin")) {
            Files.createDirectories(root.resolve(sub));
        }
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        return root;
    }

    private static Dpkg.Result dpkg(Path root, String... args) {
        return dpkgAllowingFailure(root, args).ok();
    }

    private static Dpkg.Result dpkgAllowingFailure(Path root, String... args) {
        List<String> command = new ArrayList<>(List.of("dpkg", "--root=" + root, "--force-script-chrootless",
                "--log=/dev/null"));
        command.addAll(List.of(args));
        return Dpkg.run(command);
    }

    private static int gid(Path root) throws IOException {
        return Integer.parseInt(Files.readString(root.resolve("etc/group")).lines()
                .filter(l -> l.startsWith("hotline:")).findFirst().orElseThrow().split(":")[2]);
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }
}
