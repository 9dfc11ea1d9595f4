package org.hotline.bench.jmh;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hotline.core.bus.CallIntake;
import org.hotline.core.call.Language;
import org.hotline.core.call.Priority;
import org.hotline.core.call.Purpose;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: the intake's JSON mapping on the bus, both ways (the IVR encodes it, routing decodes it). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IntakeJsonJmh {
    private final CallIntake intake = new CallIntake("0b6f8c1e-2f55-4a8e-9a3a-6c2d1e0f9b11", "1764332400.1",
            Language.values()[0], Purpose.REPORT, Priority.NORMAL, "ab".repeat(32), "AF", Map.of());
    private final JsonObject json = intake.toJson();

    @Benchmark
    public JsonObject toJson() {
        return intake.toJson();
    }

    @Benchmark
    public CallIntake fromJson() {
        return CallIntake.fromJson(json);
    }
}
