package io.symphainy.runtime.bench.runtime;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Figure 2: submit → COMPLETED for {@code diagnostics.echo} (three steps that do no work): p50/p99 at low load
 * (open loop, 5 per second), then sustained completed executions per second with {@code concurrency} closed-loop
 * clients, and the database transactions each execution cost (the {@code pg_stat_database.xact_commit} delta of the
 * runtime's database, minus the benchmark's own polling queries, over the executions completed).
 */
final class EndToEndBench {

    static final double LOW_LOAD_PER_SECOND = 5;

    /**
     * Per repetition: low-load p50/p99, completed/s, p50/p99 under that load, transactions per execution, and the CPU
     * each execution cost the runtime (or the peer's JVM) and PostgreSQL ({@link PostgresCpu}; NaN when it is not
     * local).
     */
    record Figures(List<Double> lowP50, List<Double> lowP99, List<Double> perSecond, List<Double> loadedP50,
                   List<Double> loadedP99, List<Double> transactionsPerExecution, List<Double> cpuMsPerExecution,
                   List<Double> postgresCpuMsPerExecution, int failures) {
    }

    private final Supplier<RuntimeClient> clients;
    private final Sessions sessions;
    private final CompletionWatcher watcher;
    private final Databases databases;
    private final String database;
    private final Drain drain;

    EndToEndBench(RuntimeClient client, Sessions sessions, CompletionWatcher watcher, Databases databases,
                  String database, Drain drain) {
        this(() -> client, sessions, watcher, databases, database, drain);
    }

    /** Each execution is submitted through the client {@code clients} answers next (several nodes: in turn). */
    EndToEndBench(Supplier<RuntimeClient> clients, Sessions sessions, CompletionWatcher watcher, Databases databases,
                  String database, Drain drain) {
        this.clients = clients;
        this.sessions = sessions;
        this.watcher = watcher;
        this.databases = databases;
        this.database = database;
        this.drain = drain;
    }

    /** Open-loop runs at {@link #LOW_LOAD_PER_SECOND}, each once the runtime is quiet ({@link Quiet}). */
    Figures lowLoad(Duration perRun, int repetitions, DoubleSupplier cpuMillis)
            throws InterruptedException, SQLException {
        Figures figures = empty();
        for (int run = 0; run < repetitions; run++) {
            Quiet.await(cpuMillis);
            OpenLoopLoad.Result result = OpenLoopLoad.run(LOW_LOAD_PER_SECOND, perRun, this::execute);
            figures.lowP50().add(Stats.percentile(result.latenciesMs(), 50));
            figures.lowP99().add(Stats.percentile(result.latenciesMs(), 99));
            System.out.printf("  end-to-end low load run %d: p50 %.2f ms, p99 %.2f ms, failures %d%n", run + 1,
                    Stats.percentile(result.latenciesMs(), 50), Stats.percentile(result.latenciesMs(), 99),
                    result.failures());
            drain.awaitIdle();
            drain.maintain();
        }
        return figures;
    }

    /**
     * Closed-loop throughput runs; {@code cpuMillis} reads the runtime's CPU time so far, for the CPU time each
     * execution cost (a figure that holds even when other processes share the machine).
     */
    Figures throughput(int concurrency, Duration perRun, int repetitions, Figures into, DoubleSupplier cpuMillis)
            throws InterruptedException, SQLException {
        for (int run = 0; run < repetitions; run++) {
            long before = databases.committedTransactions(database);
            long pollsBefore = watcher.polls();
            double cpuBefore = cpuMillis.getAsDouble();
            PostgresCpu.Snapshot postgresBefore = PostgresCpu.snapshot();
            WorkflowLoad.Result result = WorkflowLoad.closedLoop(concurrency, perRun, this::execute);
            drain.awaitIdle();
            into.cpuMsPerExecution().add((cpuMillis.getAsDouble() - cpuBefore) / Math.max(1, result.completed()));
            into.postgresCpuMsPerExecution().add(PostgresCpu.snapshot().millisSince(postgresBefore,
                    Set.of(watcher.backendPid())) / Math.max(1, result.completed()));
            long transactions = databases.committedTransactions(database) - before
                    - (watcher.polls() - pollsBefore);
            drain.maintain();
            into.perSecond().add(result.perSecond());
            into.loadedP50().add(Stats.percentile(result.latenciesMs(), 50));
            into.loadedP99().add(Stats.percentile(result.latenciesMs(), 99));
            into.transactionsPerExecution().add((double) transactions / Math.max(1, result.completed()));
            System.out.printf("  end-to-end %d clients run %d: %.1f completed/s, p50 %.2f ms, p99 %.2f ms, "
                            + "%.1f transactions/execution, %.1f CPU ms/execution (PostgreSQL %.1f), failures %d%n",
                    concurrency, run + 1, result.perSecond(), Stats.percentile(result.latenciesMs(), 50),
                    Stats.percentile(result.latenciesMs(), 99), (double) transactions / Math.max(1, result.completed()),
                    Stats.last(into.cpuMsPerExecution()), Stats.last(into.postgresCpuMsPerExecution()),
                    result.failures());
        }
        return into;
    }

    /** The statement totals of the runtime's database so far ({@link StatementProfile}); null where not kept. */
    Map<Long, StatementProfile.Totals> statements() {
        return StatementProfile.snapshot(databases, database);
    }

    static Figures empty() {
        return new Figures(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), 0);
    }

    /** Submits one execution and completes with its submit → COMPLETED latency; fails if it did not complete. */
    private CompletableFuture<Double> execute(long intendedNanoTime) {
        return clients.get().submitEcho(sessions.next())
                .thenCompose(response -> watcher.watch(RuntimeClient.executionId(response), intendedNanoTime))
                .thenApply(finished -> {
                    if (!"completed".equals(finished.status())) {
                        throw new IllegalStateException("execution ended " + finished.status());
                    }
                    return finished.latencyMs();
                });
    }
}
