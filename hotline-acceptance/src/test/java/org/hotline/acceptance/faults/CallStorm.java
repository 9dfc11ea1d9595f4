package org.hotline.acceptance.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.simulator.CallRecord;
import org.hotline.simulator.FakeCall;
import org.hotline.simulator.FakeCallException;

/**
 * Callers dialling in on several lines at once through the fake Asterisk, each line placing one call after the
 * other: a language key, "report a situation", hold, hand-off. Prompts take a little time to play, so at any
 * moment some callers are in the menus and some in hold. When the IVR hands a call to an operator, the line plays
 * Asterisk's part after the conversation: it runs the {@code hotline-end} hangup handler. A handler that cannot
 * reach the server is kept, to be run against the restarted server (the conversation outlived the restart).
 */
final class CallStorm implements AutoCloseable {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(60);

    private final int agiPort;
    private final List<Character> languageKeys;
    private final AtomicBoolean dialling = new AtomicBoolean(true);
    private final AtomicBoolean serverKilled = new AtomicBoolean();
    private final AtomicInteger inIvr = new AtomicInteger();
    private final List<PlacedCall> calls = new CopyOnWriteArrayList<>();
    private final List<CallRecord> endsToReport = new CopyOnWriteArrayList<>();
    private final ExecutorService lines = Executors.newVirtualThreadPerTaskExecutor();

    /** What one call saw, and whether it ended after the server was killed. */
    record PlacedCall(CallRecord record, boolean endedAfterKill) {
        boolean ivrDone() {
            return "1".equals(record.variables().get("HOTLINE_IVR_DONE"));
        }

        boolean handedOff() {
            return ivrDone() && "dial".equals(record.variables().get("HOTLINE_NEXT"));
        }
    }

    /** Starts {@code lineCount} lines calling the hotline's FastAGI port, each caller pressing one of the keys. */
    CallStorm(int agiPort, List<Character> languageKeys, int lineCount) {
        this.agiPort = agiPort;
        this.languageKeys = List.copyOf(languageKeys);
        for (int i = 0; i < lineCount; i++) {
            int line = i;
            lines.execute(() -> dial(line));
        }
    }

    private void dial(int line) {
        while (dialling.get()) {
            char language = languageKeys.get(ThreadLocalRandom.current().nextInt(languageKeys.size()));
            FakeCall call = FakeCall.builder("127.0.0.1", agiPort)
                    .callerId(String.format("+93700%06d", line * 1000 + calls.size() % 1000))
                    .pressDuringMenus(language, '2').build();
            CallRecord record;
            inIvr.incrementAndGet();
            try {
                record = call.run(CALL_LIMIT);
            } catch (FakeCallException e) {
                // No server to talk to (it was just killed): this line stops.
                return;
            } finally {
                inIvr.decrementAndGet();
            }
            PlacedCall placed = new PlacedCall(record, serverKilled.get());
            calls.add(placed);
            if (placed.handedOff()) {
                sleep(ThreadLocalRandom.current().nextInt(50, 300)); // the conversation
                // A handler that ran as the server died may not have been recorded: it is reported again, which
                // the journal takes as a repeat.
                if (!reportEnd(agiPort, record) || serverKilled.get()) {
                    endsToReport.add(record);
                }
            }
        }
    }

    /** Callers in the IVR right now (menus, hold or hand-off). */
    int inIvr() {
        return inIvr.get();
    }

    /** Calls the IVR handed to an operator so far. */
    long handedOff() {
        return calls.stream().filter(PlacedCall::handedOff).count();
    }

    /** Says the server is being killed, so calls that end from now on count as cut off, and stops dialling. */
    void serverKilled() {
        serverKilled.set(true);
        dialling.set(false);
    }

    /** Stops dialling and waits for every line's last call to end. */
    @Override
    public void close() {
        dialling.set(false);
        lines.shutdown();
        try {
            if (!lines.awaitTermination(CALL_LIMIT.toSeconds() * 2, TimeUnit.SECONDS)) {
                throw new IllegalStateException("callers still on the line after " + CALL_LIMIT.multipliedBy(2));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<PlacedCall> calls() {
        return List.copyOf(calls);
    }

    /** Hangup handlers that could not reach the server, taken for reporting to the restarted one. */
    List<CallRecord> takeEndsToReport() {
        List<CallRecord> ends = new ArrayList<>(endsToReport);
        endsToReport.removeAll(ends);
        return ends;
    }

    /**
     * Runs the dialplan's {@code hotline-end} hangup handler for a call the IVR handed to an operator, as Asterisk
     * does when the conversation ends; false when the server could not be reached.
     */
    static boolean reportEnd(int port, CallRecord handedOff) {
        try {
            FakeCall.builder("127.0.0.1", port).script("hotline-end").uniqueId(handedOff.uniqueId())
                    .variable("HOTLINE_CALL_ID", handedOff.variables().get("HOTLINE_CALL_ID"))
                    .variable("DIALSTATUS", "ANSWER").variable("HOTLINE_END_ANSWERED_MS", "1760000000000")
                    .variable("HOTLINE_END_ENDED_MS", "1760000001000").build().run(CALL_LIMIT);
            return true;
        } catch (FakeCallException e) {
            return false;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
