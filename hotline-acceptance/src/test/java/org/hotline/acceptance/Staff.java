package org.hotline.acceptance;

/**
 * People added through the packaged jar's own {@code user add} command, exactly as an administrator would, each
 * with the same long password. Run it while the hotline is stopped (embedded H2 allows one process).
 */
public final class Staff {
    public static final String PASSWORD = "a long enough test password";

    private Staff() {
    }

    /** An operator speaking {@code language} (prs, ps, tg, tk, uz, ur) whose phone is {@code endpoint}. */
    public static void operator(java.nio.file.Path dataDir, String username, String language, String endpoint) {
        HotlineProcess.command(dataDir, PASSWORD + "\n", "user", "add", "--username", username, "--role", "operator",
                "--languages", language, "--endpoint", endpoint);
    }

    public static void manager(java.nio.file.Path dataDir, String username) {
        HotlineProcess.command(dataDir, PASSWORD + "\n", "user", "add", "--username", username, "--role", "manager");
    }
}
