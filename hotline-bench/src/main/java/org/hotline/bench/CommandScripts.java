package org.hotline.bench;

import java.time.Duration;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hotline.agi.call.Caller;

/**
 * The same command sequence for both servers: {@code pairs} times a STREAM FILE with escape digits followed by
 * a WAIT FOR DIGIT 0, the two commands a menu and the hold loop issue most. Each command is timed from the
 * script's call to the parsed reply, so a sample is one full round trip through the server's stack.
 */
final class CommandScripts {
    static final String SCRIPT = "bench-commands";
    private static final String PROMPT = "hotline/hold";
    private static final String KEYS = "1234";

    private CommandScripts() {
    }

    /** Ours: through {@link Caller}, the wrapper every IVR command goes through. */
    record Ours(int pairs, CommandTimings timings) implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) {
            Caller caller = new Caller(channel);
            for (int i = 0; i < pairs; i++) {
                long start = System.nanoTime();
                caller.play(PROMPT, KEYS);
                long played = System.nanoTime();
                caller.waitForKey(Duration.ZERO);
                long waited = System.nanoTime();
                timings.add(played - start);
                timings.add(waited - played);
            }
        }
    }

    /** Stock: the same commands straight on Asterisk-Java's channel. */
    record Stock(int pairs, CommandTimings timings) implements AgiScript {
        @Override
        public void service(AgiRequest request, AgiChannel channel) throws AgiException {
            for (int i = 0; i < pairs; i++) {
                long start = System.nanoTime();
                channel.streamFile(PROMPT, KEYS);
                long played = System.nanoTime();
                channel.waitForDigit(0);
                long waited = System.nanoTime();
                timings.add(played - start);
                timings.add(waited - played);
            }
        }
    }
}
