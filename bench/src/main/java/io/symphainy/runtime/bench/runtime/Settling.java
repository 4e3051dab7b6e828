package io.symphainy.runtime.bench.runtime;

/**
 * Whether a warming-up figure (CPU per execution, a latency) has stopped falling: settled once {@link #READINGS}
 * readings in a row come within {@link #TOLERANCE} of the lowest reading before them. A runtime keeps getting faster
 * for minutes under a new load (the JIT compiling, recompiling): in 10 s windows of 16 closed-loop clients its CPU per
 * execution went 12.8, 8.4, 7.6, 6.9, 6.5, 6.0, 5.6, 4.4, 3.7, 3.0, 2.8, 3.0, 2.7 ms, with plateaus on the way (another
 * run read 6.7, 6.7, 6.6 at one minute), so a fixed warm-up of 60 s timed a runtime twice as costly as a warm one.
 */
final class Settling {

    static final double TOLERANCE = 0.05;
    static final int READINGS = 3;

    private double lowest = Double.POSITIVE_INFINITY;
    private int notFalling;

    /** Takes the next reading; answers whether the figure has settled. */
    boolean settledWith(double reading) {
        if (reading >= lowest * (1 - TOLERANCE)) {
            notFalling++;
        } else {
            notFalling = 0;
        }
        lowest = Math.min(lowest, reading);
        return notFalling >= READINGS;
    }

    double lowest() {
        return lowest;
    }
}
