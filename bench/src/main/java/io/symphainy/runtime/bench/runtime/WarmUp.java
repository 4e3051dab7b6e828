package io.symphainy.runtime.bench.runtime;

import java.time.Duration;

/**
 * Loads a freshly started runtime with closed-loop executions, in windows of {@link #WINDOW}, until its CPU per
 * execution has settled ({@link Settling}), for at least {@link #MINIMUM} and at most a maximum time: what is timed
 * after it is the runtime a long-running node is, not one still compiling its hot paths.
 */
final class WarmUp {

    static final Duration WINDOW = Duration.ofSeconds(10);
    /**
     * The least time a freshly started runtime is loaded before anything is timed. With 120 s a slow machine's warm-up
     * settled on a plateau (7.5, 7.6, 7.5, 7.1 ms per execution at two minutes) that fell to 3.4–4.0 ms a minute later.
     */
    static final Duration MINIMUM = Duration.ofSeconds(180);
    private static final int MOST_SECONDS = 360;
    private static final int QUICK_MOST_SECONDS = 240;

    private WarmUp() {
    }

    /** The most: a figure still falling then is timed as it is, and the warm-up says so. */
    static Duration maximum(BenchOptions options) {
        return options.seconds(MOST_SECONDS, QUICK_MOST_SECONDS);
    }

    /** Warms the runtime up under the benchmark's concurrency and prints how the warm-up ended. */
    static void untilSettled(BenchOptions options, EndToEndBench endToEnd, RuntimeProcess runtime) throws Exception {
        Settling.Outcome warm = Settling.repeat(MINIMUM, maximum(options), () -> endToEnd.throughput(
                        options.concurrency(), WINDOW, 1, EndToEndBench.empty(), runtime::cpuMillis)
                .cpuMsPerExecution().get(0));
        System.out.printf("  warm after %d windows (%.0f s): %.2f CPU ms/execution in the last, %s%n", warm.rounds(),
                warm.seconds(), warm.last(), warm.verdict());
    }
}
