package org.hotline.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.hotline.agi.pseudonym.CallerPseudonym;
import org.hotline.agi.pseudonym.Pseudonymizer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** JMH: pseudonymizing a caller id (libphonenumber parse to E.164, then HMAC-SHA256), once per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PseudonymJmh {
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(new byte[32]);

    @Benchmark
    public CallerPseudonym afghanMobile() {
        return pseudonymizer.pseudonymize("+93701234567", "AF");
    }
}
