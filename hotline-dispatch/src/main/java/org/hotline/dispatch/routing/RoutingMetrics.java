package org.hotline.dispatch.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hotline.core.bus.HandOffReply;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.dispatch.operators.OperatorState;

/**
 * Dispatch metrics. The floor lives on one event loop, so gauges read counters the loop refreshes after each
 * change rather than the floor itself. Labels are languages, priorities and states only.
 */
final class RoutingMetrics {
    private final Map<String, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> operators = new ConcurrentHashMap<>();
    private final Timer toOffer;
    private final Timer toAnswer;
    private final Counter offersTimedOut;
    private final Counter handOffsLost;
    private final Counter closedByHours;
    private final Map<HandOffReply.Answer, Counter> handOffs = new java.util.EnumMap<>(HandOffReply.Answer.class);

    RoutingMetrics(MeterRegistry registry) {
        for (Language language : Language.values()) {
            for (Priority priority : Priority.values()) {
                AtomicInteger count = new AtomicInteger();
                waiting.put(language.code() + "/" + priority.code(), count);
                Gauge.builder("hotline.dispatch.calls.waiting", count, AtomicInteger::get)
                        .description("Calls waiting for an operator, by language and priority")
                        .tag("language", language.code()).tag("priority", priority.code()).register(registry);
            }
            for (OperatorState state : OperatorState.values()) {
                AtomicInteger count = new AtomicInteger();
                operators.put(language.code() + "/" + state.code(), count);
                Gauge.builder("hotline.dispatch.operators", count, AtomicInteger::get)
                        .description("Signed-in operators by state and by a language they speak")
                        .tag("language", language.code()).tag("state", state.code()).register(registry);
            }
        }
        toOffer = Timer.builder("hotline.dispatch.intake.to.offer").description("Time from intake to first offer")
                .publishPercentileHistogram().register(registry);
        toAnswer = Timer.builder("hotline.dispatch.intake.to.answer")
                .description("Time from intake to the operator taking the call").publishPercentileHistogram()
                .register(registry);
        offersTimedOut = Counter.builder("hotline.dispatch.offers.timed.out")
                .description("Offers that expired unanswered").register(registry);
        handOffsLost = Counter.builder("hotline.dispatch.hand.offs.lost")
                .description("Accepted calls the IVR never answered for (presumed dead); the operator was given back")
                .register(registry);
        closedByHours = Counter.builder("hotline.dispatch.intakes.closed.by.hours")
                .description("New callers refused because the hotline was outside its opening hours").register(registry);
        for (HandOffReply.Answer answer : HandOffReply.Answer.values()) {
            handOffs.put(answer, Counter.builder("hotline.dispatch.hand.offs")
                    .description("The IVR's answers to accepted calls: taken, caller gone, or read too late")
                    .tag("answer", answer.code()).register(registry));
        }
    }

    /** Refreshes the gauges from the floor; runs on the floor's event loop. */
    void refresh(Floor floor) {
        waiting.values().forEach(c -> c.set(0));
        operators.values().forEach(c -> c.set(0));
        for (WaitingCall call : floor.inServiceOrder()) {
            waiting.get(call.intake.language().code() + "/" + call.intake.priority().code()).incrementAndGet();
        }
        for (Seat seat : floor.seats()) {
            for (Language language : seat.operator.languages()) {
                operators.get(language.code() + "/" + seat.state.code()).incrementAndGet();
            }
        }
    }

    void offered(Duration sinceIntake) {
        toOffer.record(sinceIntake);
    }

    void answered(Duration sinceIntake) {
        toAnswer.record(sinceIntake);
    }

    void offerTimedOut() {
        offersTimedOut.increment();
    }

    void handOffLost() {
        handOffsLost.increment();
    }

    void closedByHours() {
        closedByHours.increment();
    }

    void handOff(HandOffReply.Answer answer) {
        handOffs.get(answer).increment();
    }

}
