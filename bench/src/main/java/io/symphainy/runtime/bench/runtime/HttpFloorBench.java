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
 */
final class HttpFloorBench {

    /** Per repetition: requests answered per second and the runtime's CPU ms per request. */
    record Figures(List<Double> perSecond, List<Double> cpuMsPerRequest) {

        static Figures empty() {
            return new Figures(new ArrayList<>(), new ArrayList<>());
        }
    }

    private HttpFloorBench() {
    }

    static Figures measure(RuntimeClient client, int concurrency, Duration perRun, int repetitions,
                           DoubleSupplier cpuMillis, Figures into) throws InterruptedException {
        for (int run = 0; run < repetitions; run++) {
            double cpuBefore = cpuMillis.getAsDouble();
            WorkflowLoad.Result result = WorkflowLoad.closedLoop(concurrency, perRun, intended -> client.whoami()
                    .thenApply(response -> {
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("whoami answered " + response.statusCode());
                        }
                        return (System.nanoTime() - intended) / 1e6;
                    }));
            double cpuPerRequest = (cpuMillis.getAsDouble() - cpuBefore) / Math.max(1, result.completed());
            into.perSecond().add(result.perSecond());
            into.cpuMsPerRequest().add(cpuPerRequest);
            System.out.printf("  HTTP floor (GET /whoami, %d clients) run %d: %.0f requests/s, %.3f CPU ms/request,"
                    + " failures %d%n", concurrency, run + 1, result.perSecond(), cpuPerRequest, result.failures());
        }
        return into;
    }
}
