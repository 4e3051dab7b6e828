package io.symphainy.runtime.bench.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Loads a freshly started runtime with closed-loop executions, in windows of {@link #WINDOW}, until its CPU per
 * execution has settled ({@link Settling}), for at least a minimum and at most a maximum time: what is timed after it
 * is the runtime a long-running node is, not one still compiling its hot paths.
 */
final class WarmUp {

    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final int LEAST_SECONDS = 120;
    private static final int QUICK_LEAST_SECONDS = 120;
    private static final int MOST_SECONDS = 360;
    private static final int QUICK_MOST_SECONDS = 240;

    private WarmUp() {
    }

    /** The least time a freshly started runtime is loaded before anything is timed. */
    static Duration minimum(BenchOptions options) {
        return options.seconds(LEAST_SECONDS, QUICK_LEAST_SECONDS);
    }

    /** The most: a figure still falling then is timed as it is, and the warm-up says so. */
    static Duration maximum(BenchOptions options) {
        return options.seconds(MOST_SECONDS, QUICK_MOST_SECONDS);
    }

    /** Warms the runtime up under the benchmark's concurrency; prints and answers its last CPU ms per execution. */
    static double untilSettled(BenchOptions options, EndToEndBench endToEnd, RuntimeProcess runtime)
            throws InterruptedException, SQLException {
        return untilSettled(endToEnd, options.concurrency(), minimum(options), maximum(options), runtime::cpuMillis);
    }

    static double untilSettled(EndToEndBench endToEnd, int concurrency, Duration minimum, Duration maximum,
                               DoubleSupplier cpuMillis) throws InterruptedException, SQLException {
        long start = System.nanoTime();
        Settling settling = new Settling();
        int windows = 0;
        double last;
        boolean settled;
        do {
            last = endToEnd.throughput(concurrency, WINDOW, 1, EndToEndBench.empty(), cpuMillis)
                    .cpuMsPerExecution().get(0);
            windows++;
            settled = settling.settledWith(last);
        } while (System.nanoTime() - start < maximum.toNanos()
                && (System.nanoTime() - start < minimum.toNanos() || !settled));
        System.out.printf("  warm after %d windows (%.0f s): %.2f CPU ms/execution in the last, %s%n", windows,
                (System.nanoTime() - start) / 1e9, last, settled ? "settled" : "still falling at the time limit");
        return last;
    }
}
