package org.hotline.bench;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What every benchmark gets from the command line: the size of the run and where to put logs.
 *
 * @param quick    a short run (fewer calls and repetitions), to check the harness or compare quickly
 * @param calls    a count of calls that overrides the benchmark's default
 * @param reps     a number of repetitions that overrides the benchmark's default
 * @param outDir   where results and server logs go
 * @param machine  the machine the figures come from
 * @param suite    part of a run of every benchmark, which must finish within its budget (15 minutes on the
 *                 2-core development machine): a benchmark whose full run is long takes fewer repetitions
 * @param cluster  {@code --cluster}: e2e also runs the hotline as a cluster (two FastAGI nodes and a dispatch node
 *                 on PostgreSQL) against the single process
 */
record BenchContext(boolean quick, Optional<Integer> calls, Optional<Integer> reps, Path outDir, Machine machine,
                    boolean suite, boolean cluster) {
    /** The same run with {@code calls} set, as if given on the command line. */
    BenchContext withCalls(int calls) {
        return new BenchContext(quick, Optional.of(calls), reps, outDir, machine, suite, cluster);
    }

    Path logs() {
        return outDir.resolve("logs");
    }
}
