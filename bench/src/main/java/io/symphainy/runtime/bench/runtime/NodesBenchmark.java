package io.symphainy.runtime.bench.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Several runtime nodes on one PostgreSQL: the pgbench ceiling, then for 1, 2 and 3 nodes (each a process of its
 * own, on a fresh database per count) completed 3-step executions per second with closed-loop clients whose requests
 * go to the nodes in turn, with submit → COMPLETED p50/p99, transactions and runtime CPU (all nodes) per execution;
 * then, with 3 nodes under that load, failover: kills of the busiest node with SIGKILL (see {@link FailoverBench}).
 * Prints a table and writes {@code bench/results/nodes-latest.json}; drops only its own databases.
 *
 * <p>Run: {@code java -cp <bench classpath> io.symphainy.runtime.bench.runtime.NodesBenchmark --repository .
 * [--quick]}, or {@code RuntimeBenchmark --nodes-only}; takes the runtime benchmark's options.
 */
public final class NodesBenchmark {

    static final int MOST_NODES = 3;
    private static final int SESSIONS = 256;
    /** Each count of nodes is loaded this long before it is timed (the JIT compiles each node's hot paths). */
    private static final int WARM_UP_SECONDS = 60;
    private static final int QUICK_WARM_UP_SECONDS = 10;

    private NodesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        run(BenchOptions.parse(args));
    }

    /** The whole phase; {@code RuntimeBenchmark --nodes-only} runs it instead of its own. */
    static void run(BenchOptions options) throws Exception {
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path workDir = Files.createDirectories(options.results().resolve("run-" + runId));
        Databases databases = new Databases(options.host(), "postgres");
        NodesFigures figures = new NodesFigures();
        long started = System.nanoTime();
        System.out.println("ceiling: pgbench");
        figures.ceilingTps = PgbenchCeiling.measure(databases, "bench_ceiling_" + runId, options.host(),
                options.concurrency(), options.seconds(10, 5), options.repetitions(), workDir);
        for (int nodes = 1; nodes <= MOST_NODES; nodes++) {
            String database = "bench_nodes" + nodes + "_" + runId;
            databases.create(database);
            try {
                measure(options, nodes, databases, database, workDir, figures);
            } finally {
                if (!options.keepDatabases()) {
                    databases.drop(database);
                }
            }
        }
        Map<String, Object> run = RunInfo.of(options, runId, started);
        run.put("node_pool_size", options.runtimeEnv().getOrDefault(NodeCluster.POOL_SIZE_VARIABLE,
                NodeCluster.POOL_SIZE));
        NodesReport report = new NodesReport(run, figures, options.concurrency());
        System.out.println();
        System.out.print(report.table());
        Path json = options.results().resolve("nodes-latest.json");
        report.write(json);
        System.out.println("written " + json + "; the nodes' logs in " + workDir);
    }

    private static void measure(BenchOptions options, int nodes, Databases databases, String database, Path workDir,
                                NodesFigures figures) throws Exception {
        System.out.printf("%d node%s: starting%n", nodes, nodes == 1 ? "" : "s");
        Drain drain = new Drain(databases, database, options.seconds(60, 20));
        try (NodeCluster cluster = NodeCluster.start(nodes, options, databases, database, workDir, "nodes" + nodes);
             CompletionWatcher watcher = new CompletionWatcher(databases.connect(database))) {
            RuntimeClient first = cluster.client(0);
            if (!options.noPolicy()) {
                first.publishAllowAllPolicy();
            }
            Sessions sessions = new Sessions(first, SESSIONS);
            long spreadMs = cluster.awaitSpread(Duration.ofSeconds(60));
            System.out.printf("  coordinator on every node %s; claims %s%n",
                    spreadMs < 0 ? "not within 60 s" : "after " + spreadMs + " ms", cluster.claims());
            EndToEndBench endToEnd = new EndToEndBench(cluster::next, sessions, watcher, databases, database, drain);
            System.out.println("  warm-up");
            endToEnd.throughput(options.concurrency(), options.seconds(WARM_UP_SECONDS, QUICK_WARM_UP_SECONDS), 1,
                    EndToEndBench.empty(), cluster::cpuMillis);
            drain.awaitIdle();
            drain.maintain();
            EndToEndBench.Figures measured = endToEnd.throughput(options.concurrency(), options.seconds(20, 10),
                    options.repetitions(), EndToEndBench.empty(), cluster::cpuMillis);
            figures.byNodes.put(nodes, new NodesFigures.Scale(nodes, measured, spreadMs, cluster.claims()));
            if (nodes == MOST_NODES) {
                int kills = options.quick() ? 1 : 3;
                System.out.printf("failover: %d kill%s of the busiest of %d nodes under %d clients%n", kills,
                        kills == 1 ? "" : "s", nodes, options.concurrency());
                figures.failover = FailoverBench.run(cluster, sessions, watcher, databases, database, kills,
                        options.concurrency());
            }
        }
    }
}
