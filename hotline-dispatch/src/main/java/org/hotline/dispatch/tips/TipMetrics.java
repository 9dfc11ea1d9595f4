package org.hotline.dispatch.tips;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Tips and referrals saved; repeats of an already saved tip are not counted. No labels from tip content. */
final class TipMetrics {
    private final Counter tips;
    private final Counter referrals;

    TipMetrics(MeterRegistry registry) {
        tips = Counter.builder("hotline.tips.saved").description("Tips saved (each tip once)").register(registry);
        referrals = Counter.builder("hotline.referrals.saved").description("Referrals saved with their tips")
                .register(registry);
    }

    void saved(StoredTip tip) {
        tips.increment();
        referrals.increment(tip.referrals().size());
    }
}
