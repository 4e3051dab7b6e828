package io.symphainy.runtime.bench.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The HTTP floor: what one authenticated request costs the runtime when it does no work. {@code concurrency}
 * closed-loop clients call {@code GET /whoami} (API key, security filters, method security, JSON answer; no database,
 * no Axon) for a fixed time; the runtime's CPU time over the requests answered is the least CPU any intake can cost,
 * before it parses a body, decides, or records anything. Printed beside the end-to-end figures, it bounds what the
 * CPU per execution can come down to while each execution is one HTTP request.
 *
 * <p>It follows the saturation phase, whose events the read models may still be projecting for seconds: measured at
 * once, that work was billed to the requests. So each repetition first waits until the runtime is quiet
 * ({@link Quiet}), then loads it untimed, in windows of {@link #WARM_UP_WINDOW}, until the CPU
 * per request settles ({@link Settling}; for at most {@link #WARM_UP_LIMIT}): this request's own path was still being
 * compiled after the executions' warm-up, and a floor measured at once read 0.5 ms per request instead of 0.13.
 */
final class HttpFloorBench {

    private static final Duration WARM_UP_WINDOW = Duration.ofSeconds(3);
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);

    /** Per repetition: requests answered per second and the runtime's CPU ms per request. */
    record Figures(List<Double> perSecond, List<Double> cpuMsPerRequest) {

        static Figures empty() {
            return new Figures(new ArrayList<>(), new ArrayList<>());
        }
    }

    private HttpFloorBench() {
    }

    static Figures measure(RuntimeClient client, int concurrency, Duration perRun, int repetitions,
                           DoubleSupplier cpuMillis, Figures into) throws Exception {
        for (int run = 0; run < repetitions; run++) {
            Quiet.await(cpuMillis);
            Settling.repeat(Duration.ZERO, WARM_UP_LIMIT,
                    () -> load(client, concurrency, WARM_UP_WINDOW, cpuMillis).cpuMsPerRequest());
            Measured measured = load(client, concurrency, perRun, cpuMillis);
            into.perSecond().add(measured.result().perSecond());
            into.cpuMsPerRequest().add(measured.cpuMsPerRequest());
            System.out.printf("  HTTP floor (GET /whoami, %d clients) run %d: %.0f requests/s, %.3f CPU ms/request,"
                    + " failures %d%n", concurrency, run + 1, measured.result().perSecond(), measured.cpuMsPerRequest(),
                    measured.result().failures());
        }
        return into;
    }

    /** A closed-loop load of {@code GET /whoami} and the runtime's CPU ms per request answered. */
    private record Measured(WorkflowLoad.Result result, double cpuMsPerRequest) {
    }

    private static Measured load(RuntimeClient client, int concurrency, Duration duration, DoubleSupplier cpuMillis)
            throws InterruptedException {
        double cpuBefore = cpuMillis.getAsDouble();
        WorkflowLoad.Result result = WorkflowLoad.closedLoop(concurrency, duration, intended -> client.whoami()
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("whoami answered " + response.statusCode());
                    }
                    return (System.nanoTime() - intended) / 1e6;
                }));
        return new Measured(result, (cpuMillis.getAsDouble() - cpuBefore) / Math.max(1, result.completed()));
    }
}
