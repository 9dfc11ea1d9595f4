package org.hotline.app;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.hotline.app.run.Hotline;
import org.hotline.core.config.Settings;

/** Starts a whole hotline for a test: its own data and voicemail directories, free ports, quick IVR menus. */
public final class TestHotline {
    private TestHotline() {
    }

    /** A running hotline with its files under {@code dataDir} and the test's {@code overrides} on top. */
    public static Hotline start(Path dataDir, Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>(Map.of("data.dir", dataDir.toString(), "agi.port", "0",
                "http.port", "0", "management.port", "0", "ivr.menu.timeout", "200ms",
                "ivr.voicemail.dir", dataDir.resolve("voicemail").toString()));
        settings.putAll(overrides);
        return Hotline.start(Settings.defaultSettings().with(settings));
    }

    /** Where a browser reaches the hotline's screens. */
    public static String screenUrl(Hotline hotline) {
        return "http://127.0.0.1:" + hotline.httpPort();
    }
}
