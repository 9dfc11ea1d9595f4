package org.hotline.bench;

import java.util.Map;

/** One FastAGI server under test, inside a server JVM started by {@link ServerJvm}. */
interface BenchServer {
    /** The loopback port the server listens on. */
    int port();

    /** Calls waiting in hold now, as the server itself counts them; 0 for servers that do not hold. */
    int held();

    /** Our call journal's activity (writes running, done, failed); empty for servers without one. */
    default Map<String, String> journal() {
        return Map.of();
    }

    /** Per-command round-trip samples; empty for servers that do not time commands. */
    CommandTimings timings();
}
