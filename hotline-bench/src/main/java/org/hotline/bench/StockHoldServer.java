package org.hotline.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * The baseline: Asterisk-Java's {@link DefaultAgiServer} exactly as shipped (default pool of 10 core / 500 max
 * platform threads on a SynchronousQueue), running a trivial script that waits the way our hold does: answer,
 * one prompt, then WAIT FOR DIGIT with the same poll until the caller goes.
 */
final class StockHoldServer implements BenchServer {
    private final AtomicInteger held = new AtomicInteger();
    private final StockServer server;

    StockHoldServer(Duration poll) {
        server = StockServer.start(new HoldScript((int) poll.toMillis(), held), false);
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public int held() {
        return held.get();
    }

    @Override
    public CommandTimings timings() {
        return new CommandTimings();
    }


    /** Counts itself while it waits, which is the stock server's "calls held". */
    private record HoldScript(int pollMillis, AtomicInteger held) implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            channel.answer();
            channel.streamFile("hotline/hold");
            held.incrementAndGet();
            try {
                while (true) {
                    // The caller's hangup ends this with AgiHangupException, as it ends our hold.
                    channel.waitForDigit(pollMillis);
                }
            } finally {
                held.decrementAndGet();
            }
        }
    }
}
