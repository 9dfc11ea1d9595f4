package org.hotline.acceptance.faults;

import org.hotline.acceptance.SimulatedOperator;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.acceptance.HotlineProcess;

/**
 * A busy hour against one running hotline: every desk's operator at their screen on a shift of their own, and
 * callers dialling in on several lines. It runs until {@link #killServer} sends {@code kill -9} in the middle of
 * it; then every call in progress is cut off and every tip in flight is left unanswered.
 */
final class Traffic {
    private final HotlineProcess hotline;
    private final CallStorm callers;
    private final List<SimulatedOperator> screens = new ArrayList<>();
    private final List<Thread> shifts = new ArrayList<>();
    private final AtomicBoolean storming = new AtomicBoolean(true);

    /** Signs every desk's operator in, starts their shifts, then starts the callers. */
    Traffic(HotlineProcess hotline, Vertx clients, List<Desk> desks, TipLedger ledger, AtomicInteger callTips,
            int lines) {
        this.hotline = hotline;
        for (Desk desk : desks) {
            SimulatedOperator operator = SimulatedOperator.signIn(clients, hotline, desk.username());
            screens.add(operator);
            shifts.add(Thread.ofPlatform().name("shift-" + desk.username()).start(
                    new OperatorShift(desk.username(), operator, ledger, storming::get, callTips)));
        }
        this.callers = new CallStorm(hotline.agiPort(), Desk.menuKeys(desks), lines);
    }

    /** Callers in the IVR right now. */
    int callersInIvr() {
        return callers.inIvr();
    }

    /**
     * {@code kill -9} mid-traffic, then waits for the cut-off calls and the unanswered requests to come back.
     * Answers the callers, with what each call saw.
     */
    CallStorm killServer() {
        callers.serverKilled();
        hotline.kill9();
        storming.set(false);
        callers.close();
        for (Thread shift : shifts) {
            try {
                shift.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        screens.forEach(SimulatedOperator::close);
        return callers;
    }
}
