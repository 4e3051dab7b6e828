package io.symphainy.runtime.bench.runtime;

import java.time.Duration;

/**
 * Repeats a warming-up round (a window of load, a round of requests) until the figure it reads (CPU per execution, a
 * latency) has stopped falling: settled once {@link #READINGS} readings in a row come within {@link #TOLERANCE} of the
 * lowest reading before them. A runtime keeps getting faster for minutes under a new load (the JIT compiling,
 * recompiling): in 10 s windows of 16 closed-loop clients its CPU per execution went 12.8, 8.4, 7.6, 6.9, 6.5, 6.0,
 * 5.6, 4.4, 3.7, 3.0, 2.8, 3.0, 2.7 ms, with plateaus on the way (another run read 6.7, 6.7, 6.6 at one minute), so a
 * fixed warm-up of 60 s timed a runtime twice as costly as a warm one.
 */
final class Settling {

    static final double TOLERANCE = 0.05;
    static final int READINGS = 3;

    /** One round of the warm-up; answers the figure it read. */
    @FunctionalInterface
    interface Round {
        double run() throws Exception;
    }

    /** How a warm-up ended: its rounds, the last and the lowest reading, whether it settled, how long it took. */
    record Outcome(int rounds, double last, double lowest, boolean settled, double seconds) {

        String verdict() {
            return settled ? "settled" : "still falling at the time limit";
        }
    }

    private Settling() {
    }

    /** Repeats the round for at least {@code minimum}, then until its reading settles, for at most {@code maximum}. */
    static Outcome repeat(Duration minimum, Duration maximum, Round round) throws Exception {
        long start = System.nanoTime();
        double lowest = Double.POSITIVE_INFINITY;
        int notFalling = 0;
        int rounds = 0;
        double last;
        do {
            last = round.run();
            rounds++;
            notFalling = last >= lowest * (1 - TOLERANCE) ? notFalling + 1 : 0;
            lowest = Math.min(lowest, last);
        } while (System.nanoTime() - start < maximum.toNanos()
                && (System.nanoTime() - start < minimum.toNanos() || notFalling < READINGS));
        return new Outcome(rounds, last, lowest, notFalling >= READINGS, (System.nanoTime() - start) / 1e9);
    }
}
