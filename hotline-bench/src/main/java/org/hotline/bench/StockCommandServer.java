package org.hotline.bench;

/**
 * The stock {@code DefaultAgiServer} running the bench script for every request; on its default pool, or (as a
 * diagnostic) on a virtual thread per call the way ours runs.
 */
final class StockCommandServer implements BenchServer {
    private final CommandTimings timings = new CommandTimings();
    private final StockServer server;

    StockCommandServer(int pairs, boolean virtualThreads) {
        server = StockServer.start(new CommandScripts.Stock(pairs, timings), virtualThreads);
    }

    @Override
    public int port() {
        return server.port();
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
