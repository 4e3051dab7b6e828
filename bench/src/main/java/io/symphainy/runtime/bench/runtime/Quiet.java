package io.symphainy.runtime.bench.runtime;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits before a timed phase until the runtime has finished what the phase before left it (read models projecting
 * the events of a saturation phase, collections): its CPU below {@link #QUIET_CORES} of a core for a
 * {@link #WINDOW}. Measured at once after a heavy phase, that work was billed to the next phase's requests, in CPU and
 * in latency.
 */
final class Quiet {

    /** The runtime's CPU use, in cores, below which it counts as quiet: its timers and pollers, no work left over. */
    static final double QUIET_CORES = 0.1;
    static final Duration WINDOW = Duration.ofSeconds(1);
    static final Duration LIMIT = Duration.ofSeconds(120);

    private Quiet() {
    }

    /** Waits until the runtime is quiet, for at most {@link #LIMIT}; prints a longer wait and answers how long. */
    static Duration await(DoubleSupplier cpuMillis) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < LIMIT.toNanos()) {
            double before = cpuMillis.getAsDouble();
            Thread.sleep(WINDOW.toMillis());
            if (cpuMillis.getAsDouble() - before < QUIET_CORES * WINDOW.toMillis()) {
                break;
            }
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        if (waited.compareTo(WINDOW.multipliedBy(2)) > 0) {
            System.out.printf("  (the runtime was busy with earlier work for %.1f s)%n", waited.toMillis() / 1e3);
        }
        return waited;
    }
}
