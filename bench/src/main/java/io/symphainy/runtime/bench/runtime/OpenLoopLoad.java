package io.symphainy.runtime.bench.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * An open-loop load generator: starts request {@code i} at its intended time {@code start + i / rate} whether or not
 * earlier requests have answered, and measures each latency from that intended time, so a stall shows up in the
 * latencies instead of silently lowering the rate (no coordinated omission).
 */
final class OpenLoopLoad {

    /** Latencies in ms of the requests that succeeded, how many failed, and the rate actually offered. */
    record Result(List<Double> latenciesMs, int failures, double offeredPerSecond) {
    }

    private OpenLoopLoad() {
    }

    /**
     * Offers {@code rate} requests per second for {@code duration}. {@code request} receives the intended start
     * time (System.nanoTime) and answers a future that completes when the request is done (exceptionally on
     * failure), with its latency in ms measured from that intended time.
     */
    static Result run(double rate, Duration duration, LongFunction<CompletableFuture<Double>> request)
            throws InterruptedException {
        int count = (int) Math.round(rate * duration.toMillis() / 1000.0);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(count));
        AtomicInteger failures = new AtomicInteger();
        List<CompletableFuture<?>> pending = new ArrayList<>(count);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        double intervalNanos = 1e9 / rate;
        for (int i = 0; i < count; i++) {
            long intended = start + (long) (i * intervalNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            pending.add(request.apply(intended).handle((done, failure) -> {
                if (failure != null) {
                    failures.incrementAndGet();
                } else {
                    latencies.add(done);
                }
                return null;
            }));
        }
        double offered = count / ((System.nanoTime() - start) / 1e9);
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("requests did not finish", e);
        }
        return new Result(new ArrayList<>(latencies), failures.get(), offered);
    }
}
