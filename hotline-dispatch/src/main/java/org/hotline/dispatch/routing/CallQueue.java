package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.CallStep;

/**
 * The calls waiting on the {@link Floor}, in service order (emergencies first, then the longest wait), and the
 * calls that have left the queue for good. Holds no operators and makes no offers.
 *
 * <p>Not thread-safe: one event loop owns it.
 */
final class CallQueue {
    private static final int SETTLED_REMEMBERED = 10_000;
    private static final Comparator<WaitingCall> SERVICE_ORDER = Comparator
            .comparing((WaitingCall c) -> !c.emergency())
            .thenComparing(c -> c.queuedAt)
            .thenComparingLong(c -> c.sequence);

    private final Duration callSilence;
    private final Map<String, WaitingCall> waiting = new HashMap<>();
    /**
     * Calls that left the queue (handed off, gone, refused), so a re-sent intake that crossed with the hand-off
     * cannot queue a call nobody holds any more. Bounded: only the most recent ones can still cross.
     */
    private final Set<String> settled = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > SETTLED_REMEMBERED;
        }
    });
    private long sequence;

    /** @param callSilence how long a waiting call's IVR may stay silent before the call is forgotten */
    CallQueue(Duration callSilence) {
        this.callSilence = callSilence;
    }

    /** A new call, queued at its queued time (its {@code QUEUED} step, else now) and heard from now. */
    WaitingCall add(CallIntake intake, Instant now) {
        WaitingCall call = new WaitingCall(intake, intake.steps().getOrDefault(CallStep.QUEUED, now), sequence++);
        waiting.put(call.id(), call);
        call.lastHeard = now;
        return call;
    }

    /** The waiting call, or null. */
    WaitingCall get(String callId) {
        return waiting.get(callId);
    }

    boolean isSettled(String callId) {
        return settled.contains(callId);
    }

    /** Out of the queue but not settled: an IVR that does hold the call and re-sends it queues it again. */
    void remove(String callId) {
        waiting.remove(callId);
    }

    /** Out of the queue for good: a re-sent intake no longer queues it. */
    void settle(String callId) {
        waiting.remove(callId);
        settled.add(callId);
    }

    /** Settles every call not on offer and returns their ids (nobody is left to take them). */
    List<String> settleUnoffered() {
        List<String> settledNow = new ArrayList<>();
        for (WaitingCall call : List.copyOf(waiting.values())) {
            // A callback is owed whoever is on duty now: nobody holds on the line, so there is no closed path to take.
            if (call.offeredTo == null && call.callbackId == null) {
                settle(call.id());
                settledNow.add(call.id());
            }
        }
        return settledNow;
    }

    /** Whether the call's IVR has not re-sent it for longer than the call silence. */
    boolean silent(WaitingCall call, Instant now) {
        return now.isAfter(call.lastHeard.plus(callSilence));
    }

    /**
     * Forgets calls not on offer whose IVR fell silent (their FastAGI node died and their dialplan fell back).
     * Forgotten, not settled: an IVR that was only late (a busy node, a bus hiccup) still holds its caller, and
     * its next reminder queues the call again at its original time instead of being refused into the void.
     */
    void forgetSilent(Instant now, java.util.function.Predicate<String> seated) {
        for (WaitingCall call : List.copyOf(waiting.values())) {
            // An offer to an operator who has since signed out holds nobody.
            // A callback has no IVR to re-send it: it waits until taken, or its number's retention ends.
            if (call.callbackId == null && (call.offeredTo == null || !seated.test(call.offeredTo))
                    && silent(call, now)) {
                remove(call.id());
            }
        }
    }

    /** 1-based positions of every waiting call, in service order. */
    Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        int position = 1;
        for (WaitingCall call : inServiceOrder()) {
            positions.put(call.id(), position++);
        }
        return positions;
    }

    /** One call's 1-based position: the calls served before it, counted without sorting the whole queue. */
    Optional<Integer> position(String callId) {
        WaitingCall call = waiting.get(callId);
        if (call == null) {
            return Optional.empty();
        }
        int ahead = 0;
        for (WaitingCall other : waiting.values()) {
            if (SERVICE_ORDER.compare(other, call) < 0) {
                ahead++;
            }
        }
        return Optional.of(ahead + 1);
    }

    /** Every waiting call, in no particular order (no sort: the tick walks it often). */
    java.util.Collection<WaitingCall> unordered() {
        return waiting.values();
    }

    List<WaitingCall> inServiceOrder() {
        List<WaitingCall> ordered = new ArrayList<>(waiting.values());
        ordered.sort(SERVICE_ORDER);
        return ordered;
    }
}
