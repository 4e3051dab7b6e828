package io.symphainy.runtime.bench.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Closed-loop clients over the live nodes of a cluster that run until stopped and keep account of every execution a
 * node acknowledged (202): how it ended and when (its recorded {@code finished_at}, on this JVM's
 * {@code System.nanoTime} scale). A request no node answered with 202 (the node was killed, or refused it) is counted
 * and the client goes on with the next node; it is not sent again, so an intent whose answer was lost is never counted
 * as acknowledged.
 */
final class FailoverLoad implements AutoCloseable {

    /** How long a client waits for its execution before going on without it (it stays watched). */
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** How an acknowledged execution ended: its status and its {@code finished_at} in nanoTime. */
    record Outcome(String status, long finishedNanos) {
    }

    private final NodeCluster cluster;
    private final Sessions sessions;
    private final CompletionWatcher watcher;
    private final Map<String, CompletableFuture<Outcome>> acknowledged = new ConcurrentHashMap<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger abandoned = new AtomicInteger();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running = true;

    private FailoverLoad(NodeCluster cluster, Sessions sessions, CompletionWatcher watcher) {
        this.cluster = cluster;
        this.sessions = sessions;
        this.watcher = watcher;
    }

    static FailoverLoad start(NodeCluster cluster, Sessions sessions, CompletionWatcher watcher, int concurrency) {
        FailoverLoad load = new FailoverLoad(cluster, sessions, watcher);
        for (int i = 0; i < concurrency; i++) {
            Thread client = new Thread(load::submitUntilStopped, "failover-client-" + i);
            client.start();
            load.clients.add(client);
        }
        return load;
    }

    private void submitUntilStopped() {
        while (running) {
            long intended = System.nanoTime();
            String executionId;
            try {
                executionId = RuntimeClient.executionId(cluster.next().submitEcho(sessions.next())
                        .get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
            } catch (InterruptedException stop) {
                return;
            } catch (ExecutionException | TimeoutException | RuntimeException notAcknowledged) {
                refused.incrementAndGet();
                continue;
            }
            CompletableFuture<Outcome> outcome = watcher.watch(executionId, intended).thenApply(finished ->
                    new Outcome(finished.status(), intended + (long) (finished.latencyMs() * 1e6)));
            acknowledged.put(executionId, outcome);
            try {
                outcome.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException stop) {
                return;
            } catch (TimeoutException | ExecutionException waitedEnoughOrWatchFailed) {
                abandoned.incrementAndGet();
            }
        }
    }

    /** Executions acknowledged so far that have not been seen finished. */
    Set<String> unfinished() {
        return acknowledged.entrySet().stream().filter(e -> !finished(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    /** Waits until every one of the executions has finished, or the deadline (nanoTime) has passed. */
    boolean awaitFinished(Collection<String> executions, long deadlineNanos) throws InterruptedException {
        while (System.nanoTime() < deadlineNanos) {
            if (executions.stream().allMatch(id -> finished(acknowledged.get(id)))) {
                return true;
            }
            Thread.sleep(50);
        }
        return executions.stream().allMatch(id -> finished(acknowledged.get(id)));
    }

    /** The latest {@code finished_at} (nanoTime) of the executions that finished; {@code orElse} if none did. */
    long lastFinishedNanos(Collection<String> executions, long orElse) {
        return executions.stream().map(acknowledged::get).filter(FailoverLoad::finished)
                .mapToLong(outcome -> outcome.join().finishedNanos()).max().orElse(orElse);
    }

    /** Executions that completed with a {@code finished_at} in [from, to), per second. */
    double completedPerSecond(long fromNanos, long toNanos) {
        long completed = acknowledged.values().stream().filter(FailoverLoad::finished).map(CompletableFuture::join)
                .filter(o -> "completed".equals(o.status()))
                .filter(o -> o.finishedNanos() >= fromNanos && o.finishedNanos() < toNanos).count();
        return completed / ((toNanos - fromNanos) / 1e9);
    }

    int acknowledged() {
        return acknowledged.size();
    }

    /** The finished executions by status. */
    Map<String, Long> statuses() {
        return acknowledged.values().stream().filter(FailoverLoad::finished).map(CompletableFuture::join)
                .collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    }

    /** Whether the execution was seen finished (a watch that failed with the database tells nothing). */
    private static boolean finished(CompletableFuture<Outcome> outcome) {
        return outcome.isDone() && !outcome.isCompletedExceptionally();
    }

    /** Requests no node answered with 202: sent to a node as it died, or refused. */
    int refused() {
        return refused.get();
    }

    /** Times a client went on without its execution after waiting {@link #PATIENCE} for it. */
    int abandoned() {
        return abandoned.get();
    }

    /** Stops the clients (what they acknowledged stays watched). */
    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.interrupt();
        }
        for (Thread client : clients) {
            client.join();
        }
    }
}
