package org.hotline.agi.server;

import java.util.HashMap;
import java.util.Map;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.MappingStrategy;

/**
 * Maps a fixed set of script names to scripts. A request can never choose a class or a file: any other
 * name gets {@code NOT_FOUND} from Asterisk-Java and one warning line here.
 */
final class ExplicitScripts implements MappingStrategy {
    // A HashMap, not Map.of: Asterisk-Java looks up null script names, which Map.of rejects with an NPE.
    private final Map<String, AgiScript> scripts;
    private final ConnectionWatcher watcher;
    private final RefusalLog refusals;

    ExplicitScripts(Map<String, AgiScript> scripts, ConnectionWatcher watcher, RefusalLog refusals) {
        this.scripts = new HashMap<>(scripts);
        this.watcher = watcher;
        this.refusals = refusals;
    }

    @Override
    public AgiScript determineScript(AgiRequest request, AgiChannel channel) {
        AgiScript script = scripts.get(request.getScript());
        if (script == null) {
            refusals.refused(RefusalReason.UNKNOWN_SCRIPT, "FastAGI request from {} names an unknown script ({} characters); answered NOT_FOUND",
                    request.getRemoteAddress() == null ? "?" : request.getRemoteAddress().getHostAddress(),
                    request.getScript() == null ? 0 : request.getScript().length());
            watcher.refused(RefusalReason.UNKNOWN_SCRIPT);
        }
        return script;
    }
}
