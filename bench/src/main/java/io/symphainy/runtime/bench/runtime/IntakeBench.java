package io.symphainy.runtime.bench.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;

/**
 * Figure 1: {@code POST /intent/submit} latency under open-loop load. The required rates (50, 200, 500 req/s) are
 * measured {@code repetitions} times; a ladder of further rates, climbed once each until p99 exceeds 10 ms, finds
 * the highest rate held. Between runs the executions the intake started are left to finish, and each run starts once
 * the runtime is quiet ({@link Quiet}).
 */
final class IntakeBench {

    static final List<Integer> REQUIRED_RATES = List.of(50, 200, 500);
    /** Rates climbed from the lowest: below the required 50 too, so that a node that cannot hold 50 still names one. */
    static final List<Integer> LADDER = List.of(5, 10, 20, 50, 100, 200, 300, 400, 500, 750, 1000);
    static final double P99_LIMIT_MS = 10.0;

    /**
     * p50 and p99 (ms) of each run's successful requests and the failed requests (error answers and 30 s
     * timeouts) of each run, per rate; the highest ladder rate whose runs held p99 ≤ 10 ms without failures.
     */
    record Figures(Map<Integer, List<Double>> p50, Map<Integer, List<Double>> p99,
                   Map<Integer, List<Double>> failed, int highestHeld, int failures) {
    }

    private final RuntimeClient client;
    private final Sessions sessions;
    private final Drain drain;
    private final DoubleSupplier cpuMillis;

    IntakeBench(RuntimeClient client, Sessions sessions, Drain drain, DoubleSupplier cpuMillis) {
        this.client = client;
        this.sessions = sessions;
        this.drain = drain;
        this.cpuMillis = cpuMillis;
    }

    Figures run(Duration perRun, int repetitions) throws InterruptedException, SQLException {
        Map<Integer, List<Double>> p50 = new LinkedHashMap<>();
        Map<Integer, List<Double>> p99 = new LinkedHashMap<>();
        Map<Integer, List<Double>> failed = new LinkedHashMap<>();
        int failures = 0;
        int highestHeld = 0;
        boolean climbing = true;
        for (int rate : LADDER) {
            boolean required = REQUIRED_RATES.contains(rate);
            if (!required && !climbing) {
                continue;
            }
            int runs = required ? repetitions : 1;
            for (int run = 0; run < runs; run++) {
                Quiet.await(cpuMillis);
                OpenLoopLoad.Result result = OpenLoopLoad.run(rate, perRun, this::submit);
                failures += result.failures();
                failed.computeIfAbsent(rate, r -> new ArrayList<>()).add((double) result.failures());
                p50.computeIfAbsent(rate, r -> new ArrayList<>()).add(Stats.percentile(result.latenciesMs(), 50));
                p99.computeIfAbsent(rate, r -> new ArrayList<>()).add(Stats.percentile(result.latenciesMs(), 99));
                System.out.printf("  intake %4d req/s run %d: p50 %.2f ms, p99 %.2f ms, failures %d%n", rate, run + 1,
                        Stats.percentile(result.latenciesMs(), 50), Stats.percentile(result.latenciesMs(), 99),
                        result.failures());
                drain.awaitIdle();
                drain.maintain();
            }
            boolean held = Stats.median(p99.get(rate)) <= P99_LIMIT_MS
                    && failed.get(rate).stream().allMatch(count -> count == 0);
            if (climbing && held) {
                highestHeld = rate;
            } else {
                climbing = false;
            }
        }
        return new Figures(p50, p99, failed, highestHeld, failures);
    }

    private CompletableFuture<Double> submit(long intendedNanoTime) {
        return client.submitEcho(sessions.next()).thenApply(response -> {
            RuntimeClient.executionId(response);
            return (System.nanoTime() - intendedNanoTime) / 1e6;
        });
    }
}
