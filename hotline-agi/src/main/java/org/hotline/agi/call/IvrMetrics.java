package org.hotline.agi.call;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The IVR's metrics. Labels are languages, purposes, outcomes and steps only: nothing about a caller.
 */
public final class IvrMetrics {
    private final MeterRegistry registry;
    private final Counter entered;
    private final AtomicInteger inMenu = new AtomicInteger();
    private final AtomicInteger inHold = new AtomicInteger();

    public IvrMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.entered = Counter.builder("hotline.calls.entered").description("Calls that reached the IVR")
                .register(registry);
        Gauge.builder("hotline.calls.in.menu", inMenu, AtomicInteger::get)
                .description("Callers in the language or purpose menu now").register(registry);
        Gauge.builder("hotline.calls.in.hold", inHold, AtomicInteger::get)
                .description("Callers waiting in hold for an operator now").register(registry);
    }

    void entered() {
        entered.increment();
    }

    /** Counts a call once, when the IVR is done with it. */
    void finished(String language, String purpose, String result) {
        Counter.builder("hotline.calls").description("Calls by language, purpose and how the IVR finished")
                .tag("language", language).tag("purpose", purpose).tag("outcome", result)
                .register(registry).increment();
    }

    /** Counts a hangup-handler report, by Asterisk's DIALSTATUS. */
    void ended(String dialStatus) {
        Counter.builder("hotline.calls.ended").description("Calls whose end the hangup handler reported")
                .tag("dial_status", dialStatus).register(registry).increment();
    }

    void timeStep(String step, Duration duration) {
        Timer.builder("hotline.call.step").description("Time callers spend in each IVR step")
                .tag("step", step).publishPercentileHistogram().register(registry).record(duration);
    }

    AtomicInteger inMenu() {
        return inMenu;
    }

    AtomicInteger inHold() {
        return inHold;
    }
}
