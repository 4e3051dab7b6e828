package io.symphainy.runtime.bench.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongFunction;

/**
 * Closed-loop load for a 3-step workflow, the same for the runtime and the peer: {@code concurrency} clients each
 * start a workflow, wait for it to complete and start the next, for a fixed time. Completed per second is the
 * sustained throughput at that concurrency.
 */
final class WorkflowLoad {

    /** Executions completed in the window, the window in seconds, their latencies (ms) and failures. */
    record Result(int completed, double seconds, List<Double> latenciesMs, int failures) {
        double perSecond() {
            return completed / seconds;
        }
    }

    private WorkflowLoad() {
    }

    /**
     * Runs {@code concurrency} clients for {@code duration}; {@code workflow} starts one workflow at the given
     * intended time (System.nanoTime) and answers a future of its latency in ms once it has completed.
     */
    static Result closedLoop(int concurrency, Duration duration, LongFunction<CompletableFuture<Double>> workflow)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end) {
                    try {
                        latencies.add(workflow.apply(System.nanoTime()).get(60, TimeUnit.SECONDS));
                    } catch (InterruptedException stop) {
                        return;
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
            }, "workflow-client-" + i);
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(latencies.size(), seconds, new ArrayList<>(latencies), failures.get());
    }
}
