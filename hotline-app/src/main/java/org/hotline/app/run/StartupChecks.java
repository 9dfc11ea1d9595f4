package org.hotline.app.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hotline.agi.hold.HoldConfig;
import org.hotline.agi.menu.MenuConfig;
import org.hotline.agi.server.AgiServerConfig;
import org.hotline.agi.voicemail.VoicemailConfig;
import org.hotline.app.cluster.ClusterConfig;
import org.hotline.app.cluster.Role;
import org.hotline.app.http.HttpConfig;
import org.hotline.app.http.ManagementConfig;
import org.hotline.core.StartupException;
import org.hotline.core.config.Settings;
import org.hotline.core.storage.DataDirectory;
import org.hotline.core.storage.StorageConfig;
import org.hotline.dispatch.followup.FollowUpRoutes;
import org.hotline.dispatch.routing.RoutingConfig;
import org.hotline.dispatch.screen.ScreenConfig;
import org.hotline.reports.ReportConfig;
import org.hotline.reports.retention.RetentionConfig;

/**
 * What start-up checks before it touches the database: a bad value, an unusable directory, a port in use or an
 * unreadable key file then stops the start at once, with one sentence, before any migration, catch-up report or
 * purge has run. The servers themselves bind later (their routes need the database), and a failed bind there
 * still fails the start; the probe here only moves the common case, another process on the port, to the front.
 */
final class StartupChecks {
    private StartupChecks() {
    }

    /** Every check; throws a {@code StartupException} or {@code SettingsException} naming the first problem. */
    static void check(Settings settings, StorageConfig storage, HttpConfig http, ClusterConfig cluster) {
        parseEverySetting(settings);
        // Always: besides the embedded database it holds the pseudonym key and the reports by default.
        DataDirectory.prepare(storage.dataDir());
        enoughFreeSpace(storage.dataDir(), settings.integer("data.min-free-mb"));
        if (cluster.runs(Role.REPORTS)) {
            writableFolder(ReportConfig.from(settings).dir(), "report folder", "HOTLINE_REPORT_DIR");
        }
        readable(http.tls().map(tls -> List.of(tls.certFile(), tls.keyFile())).orElse(List.of()),
                "HOTLINE_HTTP_TLS_CERT_FILE and HOTLINE_HTTP_TLS_KEY_FILE");
        if (cluster.tls() != null) {
            readable(List.of(cluster.tls().certFile(), cluster.tls().keyFile(), cluster.tls().caFile()),
                    "the HOTLINE_CLUSTER_TLS_* settings");
        }
        if (cluster.runs(Role.AGI)) {
            AgiServerConfig agi = AgiServerConfig.from(settings);
            portFree(agi.bind(), agi.port(), "The FastAGI port", "HOTLINE_AGI_PORT");
        }
        portFree(address(http.bind(), "HOTLINE_HTTP_BIND"), http.port(), "The HTTP port", "HOTLINE_HTTP_PORT");
        ManagementConfig management = ManagementConfig.from(settings);
        portFree(address(management.host(), "HOTLINE_MANAGEMENT_HOST"), management.port(),
                "The management port (/metrics)", "HOTLINE_MANAGEMENT_PORT");
        if (cluster.clustered()) {
            InetAddress bind = address(cluster.bind(), "HOTLINE_CLUSTER_BIND");
            portFree(bind, cluster.port(), "The cluster port", "HOTLINE_CLUSTER_PORT");
            portFree(bind, cluster.busPort(), "The event bus port", "HOTLINE_CLUSTER_BUS_PORT");
        }
    }

    /** Each feature's typed settings, read now rather than when the feature starts after the migrations. */
    private static void parseEverySetting(Settings settings) {
        AgiServerConfig.from(settings);
        MenuConfig.from(settings);
        HoldConfig.from(settings);
        VoicemailConfig.from(settings);
        RoutingConfig.from(settings);
        ScreenConfig.from(settings);
        ReportConfig.from(settings);
        RetentionConfig.from(settings);
        FollowUpRoutes.dueDays(settings);
        // Reads ami.secret-file when AMI is on: a missing or unreadable secret stops the start here.
        org.hotline.callcontrol.CallControlConfig.from(settings);
        // The settings read directly where they are used.
        if (settings.integer("db.pool-size") < 1) {
            throw new StartupException("HOTLINE_DB_POOL_SIZE must be at least 1, not " + settings.integer("db.pool-size")
                    + ".");
        }
        settings.port("cluster.port");
        settings.port("cluster.bus-port");
        settings.duration("db.outage-patience");
        org.hotline.app.backup.BackupConfig.from(settings);
        settings.duration("ivr.intake.timeout");
    }

    /**
     * A nearly full disk stops the start with a sentence, rather than letting the database fail a write mid-call
     * (issue 20). Only at start: a running hotline's free space is the operator's to watch (disk_free_bytes).
     */
    static void enoughFreeSpace(Path dataDir, int minFreeMib) {
        if (minFreeMib < 0) {
            throw new StartupException("HOTLINE_DATA_MIN_FREE_MB must be 0 or more, not " + minFreeMib + ".");
        }
        long usable;
        try {
            usable = Files.getFileStore(dataDir).getUsableSpace();
        } catch (IOException e) {
            throw new StartupException("The free space of the data directory " + dataDir + " cannot be read ("
                    + e.getMessage() + ").", e);
        }
        long mib = 1024L * 1024L;
        if (usable < minFreeMib * mib) {
            throw new StartupException("The disk of the data directory " + dataDir + " is nearly full: "
                    + usable / mib + " MiB free, under the " + minFreeMib + " MiB the hotline needs to start "
                    + "(data.min-free-mb); free some space (old backups, logs) and start it again.");
        }
    }

    private static void writableFolder(Path dir, String what, String variable) {
        try {
            DataDirectory.createPrivate(dir);
        } catch (IOException e) {
            throw new StartupException("The " + what + " " + dir + " cannot be created (" + e.getMessage()
                    + "); set " + variable + " to a writable folder.", e);
        }
        if (!Files.isWritable(dir)) {
            throw new StartupException("The " + what + " " + dir + " is not writable; fix its permissions or set "
                    + variable + ".");
        }
    }

    private static void readable(List<Path> files, String settings) {
        List<Path> missing = files.stream().filter(f -> !Files.isReadable(f)).toList();
        if (!missing.isEmpty()) {
            throw new StartupException("The key or certificate file " + missing.getFirst() + " is missing or not "
                    + "readable; fix " + settings + ".");
        }
    }

    private static void portFree(InetAddress bind, int port, String what, String variable) {
        if (port == 0) {
            return;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(bind, port));
        } catch (IOException e) {
            throw new StartupException(what + " " + bind.getHostAddress() + ":" + port + " is already in use or not "
                    + "available; stop the other process or set " + variable + ".", e);
        }
    }

    private static InetAddress address(String host, String variable) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new StartupException(variable + " names an unknown address '" + host + "'.", e);
        }
    }
}
