package org.hotline.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.hotline.app.screen.ScreenClient;

/**
 * People added through the packaged jar's own {@code user add} command, exactly as an administrator would, each
 * with the same long password (run it while the hotline is stopped: embedded H2 allows one process), and signed in
 * through the real sign-in form.
 */
public final class Staff {
    public static final String PASSWORD = "a long enough test password";

    private Staff() {
    }

    /** An operator speaking {@code language} (prs, ps, tg, tk, uz, ur) whose phone is {@code endpoint}. */
    public static void operator(Path dataDir, String username, String language, String endpoint) {
        operator(dataDir, Map.of(), username, language, endpoint);
    }

    /** {@link #operator(Path, String, String, String)} with more settings, for example an external database. */
    public static void operator(Path dataDir, Map<String, String> settings, String username, String language,
                                String endpoint) {
        HotlineProcess.command(dataDir, settings, PASSWORD + "\n", "user", "add", "--username", username, "--role",
                "operator", "--languages", language, "--endpoint", endpoint);
    }

    public static void manager(Path dataDir, String username) {
        HotlineProcess.command(dataDir, PASSWORD + "\n", "user", "add", "--username", username, "--role", "manager");
    }

    /** A plain-HTTP client of the running hotline, signed in as {@code username}. */
    public static ScreenClient signedIn(HotlineProcess hotline, String username) {
        ScreenClient client = new ScreenClient(hotline.httpPort());
        assertThat(client.signIn(username, PASSWORD).statusCode()).as("%s signs in", username).isEqualTo(303);
        return client;
    }
}
