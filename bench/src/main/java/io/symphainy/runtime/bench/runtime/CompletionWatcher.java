package io.symphainy.runtime.bench.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the runtime's State Surface ({@code execution_state}) for executions to finish, polling every 2 ms for
 * just the executions in flight. An execution's end-to-end latency is its recorded {@code finished_at} (the time of
 * its {@code ExecutionCompletedEvent}) minus the client's intended send time, both wall-clock on this machine.
 */
final class CompletionWatcher implements AutoCloseable {

    /**
     * How one execution ended: its status, its latency in ms from the intended send time, and of that the part until
     * its intent was accepted (the intake's share; the rest is its steps).
     */
    record Finished(String status, double latencyMs, double intakeMs) {
    }

    private record Pending(long intendedEpochMicros, CompletableFuture<Finished> future) {
    }

    /**
     * A join on the unnested ids probes the primary key once per execution in flight; {@code execution_id = any(?)}
     * made PostgreSQL sort and probe the whole array in a bitmap scan, ten times the cost, which at one poll every 2 ms
     * took a sizeable share of the machine the runtime was measured on.
     */
    private static final String QUERY = StatementProfile.OWN + """
            select e.execution_id::text, e.status, (extract(epoch from e.finished_at) * 1000000)::bigint,
                   (extract(epoch from e.accepted_at) * 1000000)::bigint
            from unnest(?::uuid[]) as watched(execution_id)
            join execution_state e on e.execution_id = watched.execution_id
            where e.finished_at is not null""";

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Connection connection;
    private final Thread poller;
    private final AtomicLong polls = new AtomicLong();
    private final long epochMicrosMinusNanoTime;
    private final long backendPid;
    private volatile boolean running = true;

    CompletionWatcher(Connection connection) throws SQLException {
        this.connection = connection;
        try (PreparedStatement statement = connection.prepareStatement(
                StatementProfile.OWN + "select pg_backend_pid()");
             ResultSet row = statement.executeQuery()) {
            row.next();
            this.backendPid = row.getLong(1);
        }
        Instant now = Instant.now();
        long nano = System.nanoTime();
        this.epochMicrosMinusNanoTime = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000 - nano / 1_000;
        this.poller = new Thread(this::poll, "completion-watcher");
        this.poller.setDaemon(true);
        this.poller.start();
    }

    /** Watches an execution submitted at {@code intendedNanoTime}; the future completes when it has finished. */
    CompletableFuture<Finished> watch(String executionId, long intendedNanoTime) {
        CompletableFuture<Finished> future = new CompletableFuture<>();
        pending.put(executionId, new Pending(intendedNanoTime / 1_000 + epochMicrosMinusNanoTime, future));
        return future;
    }

    /** The PostgreSQL backend that answers this watcher's polls: its CPU is the benchmark's, not the runtime's. */
    long backendPid() {
        return backendPid;
    }

    /** Queries this watcher sent so far: each is one transaction on the runtime's database. */
    long polls() {
        return polls.get();
    }

    private void poll() {
        while (running) {
            try {
                if (!pending.isEmpty()) {
                    pollOnce();
                }
                Thread.sleep(2);
            } catch (InterruptedException stop) {
                return;
            } catch (SQLException e) {
                pending.values().forEach(p -> p.future().completeExceptionally(e));
                pending.clear();
            }
        }
    }

    private void pollOnce() throws SQLException {
        Array ids = connection.createArrayOf("uuid", pending.keySet().toArray());
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setArray(1, ids);
            polls.incrementAndGet();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Pending done = pending.remove(rows.getString(1));
                    if (done != null) {
                        double latency = (rows.getLong(3) - done.intendedEpochMicros()) / 1000.0;
                        double intake = (rows.getLong(4) - done.intendedEpochMicros()) / 1000.0;
                        done.future().complete(new Finished(rows.getString(2), latency, intake));
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        running = false;
        poller.interrupt();
        poller.join(5_000);
        connection.close();
    }
}
