package org.hotline.dispatch.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.hotline.core.bus.Wallboard;
import org.hotline.core.call.CallOutcome;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.dispatch.operators.OperatorState;

/** Builds the managers' wallboard from the floor: counts only. */
final class WallboardView {
    private WallboardView() {
    }

    static Wallboard of(Floor floor, Map<CallOutcome, Integer> today, Instant now) {
        Map<String, Integer> byLanguage = new TreeMap<>();
        for (Language language : Language.values()) {
            byLanguage.put(language.code(), 0);
        }
        Map<String, Integer> byPriority = new TreeMap<>();
        for (Priority priority : Priority.values()) {
            byPriority.put(priority.code(), 0);
        }
        long longest = 0;
        for (WaitingCall call : floor.inServiceOrder()) {
            byLanguage.merge(call.intake.language().code(), 1, Integer::sum);
            byPriority.merge(call.intake.priority().code(), 1, Integer::sum);
            longest = Math.max(longest, Duration.between(call.queuedAt, now).toSeconds());
        }
        Map<String, Integer> byState = new TreeMap<>();
        for (OperatorState state : OperatorState.values()) {
            if (state != OperatorState.SIGNED_OUT) {
                byState.put(state.code(), 0);
            }
        }
        Map<String, Integer> availableByLanguage = new TreeMap<>();
        for (Language language : Language.values()) {
            availableByLanguage.put(language.code(), 0);
        }
        java.util.List<Wallboard.WrapUp> wrapUps = new java.util.ArrayList<>();
        for (Seat seat : floor.seats()) {
            byState.merge(seat.state.code(), 1, Integer::sum);
            if (seat.state == OperatorState.WRAP_UP && seat.wrapUpSince != null) {
                long over = seat.wrapUpUntil == null ? 0 : Math.max(0, Duration.between(seat.wrapUpUntil, now).toSeconds());
                wrapUps.add(new Wallboard.WrapUp(seat.operator.displayName(),
                        Duration.between(seat.wrapUpSince, now).toSeconds(), over));
            }
            if (seat.state == OperatorState.AVAILABLE) {
                seat.operator.languages().forEach(l -> availableByLanguage.merge(l.code(), 1, Integer::sum));
            }
        }
        return new Wallboard(byLanguage, byPriority, longest, byState, availableByLanguage,
                today.getOrDefault(CallOutcome.ANSWERED, 0), today.getOrDefault(CallOutcome.ABANDONED_IN_QUEUE, 0),
                wrapUps.stream().sorted(java.util.Comparator.comparingLong(Wallboard.WrapUp::seconds).reversed())
                        .toList());
    }

}
