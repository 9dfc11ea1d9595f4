package org.hotline.bench;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import org.hotline.agi.server.AgiServerConfig;
import org.hotline.agi.server.HotlineAgiServer;
import org.hotline.core.config.Settings;

/**
 * Our FastAGI stack (virtual thread per call, explicit script mapping, guarded socket) with the bench script
 * registered by name, as the IVR's scripts are.
 */
final class OursCommandServer implements BenchServer {
    private final HotlineAgiServer server;
    private final CommandTimings timings = new CommandTimings();

    OursCommandServer(int pairs) {
        Settings settings = Settings.defaultSettings().with(Map.of("agi.bind", "127.0.0.1", "agi.port", "0"));
        server = new HotlineAgiServer(AgiServerConfig.from(settings),
                Map.of(CommandScripts.SCRIPT, new CommandScripts.Ours(pairs, timings)), new SimpleMeterRegistry());
        server.start();
    }

    @Override
    public int port() {
        return server.boundPort();
    }

    @Override
    public int held() {
        return 0;
    }

    @Override
    public CommandTimings timings() {
        return timings;
    }

}
