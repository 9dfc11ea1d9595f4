package org.hotline.bench;

/**
 * One benchmark of {@code ./scripts/bench}: it runs its workloads and returns figures for the shared summary table.
 * To add one, implement this and list it in {@link BenchMain}.
 */
interface Benchmark {
    /** The name on the command line and of the result files ({@code target/bench/<name>.md}). */
    String name();

    BenchReport run(BenchContext context) throws Exception;
}
