package io.symphainy.runtime.bench.runtime;

/**
 * Whether a warming-up figure (CPU per execution, a latency) has stopped falling: settled once two readings in a row
 * come within {@link #TOLERANCE} of the lowest reading before them. The JIT keeps compiling for minutes under a new
 * load, so a fixed warm-up timed a runtime still getting faster: after 60 s of load, three timed runs in a row cost
 * 3.6, 3.0 and 2.6 ms of CPU per execution, and the HTTP floor read 0.5 ms per request warm-ish against 0.13 warm.
 */
final class Settling {

    static final double TOLERANCE = 0.05;

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
        return notFalling >= 2;
    }

    double lowest() {
        return lowest;
    }
}
