package io.symphainy.runtime.bench.runtime;

import java.util.Set;

/**
 * The peer's figures: the same three-step workflow on DBOS Transact against its own database, at low load and under
 * closed-loop load, with latencies, throughput, CPU and transactions per execution.
 */
final class PeerBench {

    private PeerBench() {
    }

    static void measure(BenchOptions options, Databases databases, String db, Figures figures) throws Exception {
        ProcessHandle self = ProcessHandle.current();
        try (DbosPeer peer = new DbosPeer(databases, db)) {
            WorkflowLoad.closedLoop(options.concurrency(), options.seconds(10, 5), peer::execute);
            for (int run = 0; run < options.repetitions(); run++) {
                OpenLoopLoad.Result low = OpenLoopLoad.run(EndToEndBench.LOW_LOAD_PER_SECOND,
                        options.seconds(20, 10), peer::executeAsync);
                figures.peer.lowP50().add(Stats.percentile(low.latenciesMs(), 50));
                figures.peer.lowP99().add(Stats.percentile(low.latenciesMs(), 99));
            }
            for (int run = 0; run < options.repetitions(); run++) {
                long before = databases.committedTransactions(db);
                double cpuBefore = cpuMillis(self);
                PostgresCpu.Snapshot postgresBefore = PostgresCpu.snapshot();
                WorkflowLoad.Result result = WorkflowLoad.closedLoop(options.concurrency(), options.seconds(20, 10),
                        peer::execute);
                figures.peer.cpuMsPerExecution().add((cpuMillis(self) - cpuBefore) / Math.max(1, result.completed()));
                figures.peer.postgresCpuMsPerExecution().add(PostgresCpu.snapshot().millisSince(postgresBefore,
                        Set.of()) / Math.max(1, result.completed()));
                long transactions = databases.committedTransactions(db) - before;
                figures.peer.perSecond().add(result.perSecond());
                figures.peer.loadedP50().add(Stats.percentile(result.latenciesMs(), 50));
                figures.peer.loadedP99().add(Stats.percentile(result.latenciesMs(), 99));
                figures.peer.transactionsPerExecution().add((double) transactions / Math.max(1, result.completed()));
                System.out.printf("  DBOS %d clients run %d: %.1f completed/s, p50 %.2f ms, p99 %.2f ms, "
                                + "PostgreSQL CPU %.1f ms/workflow, failures %d%n", options.concurrency(), run + 1,
                        result.perSecond(), Stats.percentile(result.latenciesMs(), 50),
                        Stats.percentile(result.latenciesMs(), 99),
                        Stats.last(figures.peer.postgresCpuMsPerExecution()), result.failures());
            }
        }
    }

    /** CPU time of a process so far in ms; for the peer, this JVM: DBOS and its load generator together. */
    private static double cpuMillis(ProcessHandle process) {
        return process.info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }
}
