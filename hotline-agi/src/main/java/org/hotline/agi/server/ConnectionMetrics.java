package org.hotline.agi.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** FastAGI connection metrics: open connections now, and refusals by reason. */
final class ConnectionMetrics implements ConnectionWatcher {
    private final AtomicInteger open = new AtomicInteger();
    private final Map<RefusalReason, Counter> refusals = new EnumMap<>(RefusalReason.class);

    ConnectionMetrics(MeterRegistry registry) {
        Gauge.builder("hotline.agi.connections.open", open, AtomicInteger::get)
                .description("FastAGI connections open now").register(registry);
        for (RefusalReason reason : RefusalReason.values()) {
            refusals.put(reason, Counter.builder("hotline.agi.connections.refused")
                    .description("FastAGI connections refused or cut off for breaking a protocol limit, by reason")
                    .tag("reason", reason.label()).register(registry));
        }
    }

    @Override
    public void opened() {
        open.incrementAndGet();
    }

    @Override
    public void closed() {
        open.decrementAndGet();
    }

    @Override
    public void refused(RefusalReason reason) {
        refusals.get(reason).increment();
    }

    int openConnections() {
        return open.get();
    }
}
