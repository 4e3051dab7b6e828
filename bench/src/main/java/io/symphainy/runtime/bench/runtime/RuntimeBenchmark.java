package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * The runtime benchmark (issue "Benchmarks"): starts {@code runtime-api.jar} against a fresh database on the local
 * PostgreSQL, warms it up, measures intake, end-to-end, replay, rebuild, audit and memory figures, the pgbench
 * ceiling and the DBOS Transact peer, prints a table and writes {@code bench/results/latest.json}. Leaves no
 * process running and drops its databases (and those of earlier runs) unless {@code --keep-databases}. With
 * {@code --nodes-only} it runs {@link NodesBenchmark} instead.
 */
public final class RuntimeBenchmark {

    private static final int SESSIONS = 256;
    /** Audit queries, and replays of each mode, in each round of the untimed warm-up after the store's restart. */
    private static final int STORE_WARM_UP_ROUND = 100;

    private RuntimeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        if (options.nodesOnly()) {
            NodesBenchmark.run(options);
            return;
        }
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path workDir = Files.createDirectories(options.results().resolve("run-" + runId));
        Databases databases = new Databases(options.host(), "postgres");
        String runtimeDb = "bench_runtime_" + runId;
        String peerDb = "bench_dbos_" + runId;
        databases.dropLeftovers();
        Figures figures = new Figures();
        long started = System.nanoTime();
        try {
            System.out.println("ceiling: pgbench");
            figures.ceilingTps = PgbenchCeiling.measure(databases, "bench_ceiling_" + runId, options.host(),
                    options.concurrency(), options.seconds(10, 5), options.repetitions(), workDir);
            databases.create(runtimeDb);
            measureRuntime(options, databases, runtimeDb, workDir, figures);
            if (options.endToEndOnly() || options.storeOnly()) {
                System.out.println("a partial run: no peer figures, no JSON written");
                return;
            }
            System.out.println("peer: DBOS Transact");
            PeerBench.measure(options, databases, peerDb, figures);
        } finally {
            if (!options.keepDatabases()) {
                databases.drop(runtimeDb);
                databases.drop(peerDb);
            }
        }
        Report report = new Report(RunInfo.of(options, runId, started), figures, options.concurrency());
        System.out.println();
        System.out.print(report.table());
        report.write(options.results().resolve("latest.json"));
        System.out.println("written " + options.results().resolve("latest.json") + "; runtime log and JFR in "
                + workDir);
    }

    private static void measureRuntime(BenchOptions options, Databases databases, String db, Path workDir,
                                       Figures figures) throws Exception {
        Drain drain = new Drain(databases, db, options.seconds(60, 20));
        try (RuntimeProcess runtime = start(options, databases, db, workDir, "end-to-end");
             RuntimeClient client = new RuntimeClient(runtime.baseUri());
             CompletionWatcher watcher = new CompletionWatcher(databases.connect(db))) {
            if (!options.noPolicy()) {
                client.publishAllowAllPolicy();
            }
            Sessions sessions = new Sessions(client, SESSIONS);
            EndToEndBench endToEnd = new EndToEndBench(client, sessions, watcher, databases, db, drain);
            System.out.println("warm-up");
            WarmUp.untilSettled(options, endToEnd, runtime);
            drain.awaitIdle();
            drain.maintain();
            figures.heapAfterWarmUpMiB = runtime.heapUsedMiB();
            figures.heapLiveAfterWarmUpMiB = runtime.liveHeapMiB();
            if (!options.storeOnly()) {
                measureEndToEnd(options, client, sessions, runtime, watcher, drain, endToEnd, figures);
            }
            StoreBench.awaitProjectionsCaughtUp(client, options.seconds(120, 30));
        }
        if (options.endToEndOnly()) {
            return;
        }
        System.out.println("store: growing the event store to " + options.storeEvents() + " events");
        try (var connection = databases.connect(db)) {
            EventStoreCloner.abandonInFlight(connection);
            figures.storeEvents = EventStoreCloner.growTo(connection, options.storeEvents());
        }
        try (RuntimeProcess runtime = start(options, databases, db, workDir, "store");
             RuntimeClient client = new RuntimeClient(runtime.baseUri())) {
            measureStore(options, new StoreBench(client, databases, db), runtime, figures);
        }
        if (options.storeOnly()) {
            return;
        }
        measureIntake(options, databases, db, workDir, drain, figures);
    }

    private static void measureEndToEnd(BenchOptions options, RuntimeClient client, Sessions sessions,
                                        RuntimeProcess runtime, CompletionWatcher watcher, Drain drain,
                                        EndToEndBench endToEnd, Figures figures) throws Exception {
        try (HeapSampler heap = new HeapSampler(runtime)) {
            System.out.println("end to end");
            figures.endToEnd = endToEnd.lowLoad(options.seconds(20, 10), options.repetitions(), runtime::cpuMillis);
            Map<Long, StatementProfile.Totals> statements = endToEnd.statements();
            endToEnd.throughput(options.concurrency(), options.seconds(20, 10), options.repetitions(),
                    figures.endToEnd, runtime::cpuMillis);
            StatementProfile.print(statements, endToEnd.statements(),
                    figures.endToEnd.perSecond().stream().mapToDouble(Double::doubleValue).sum()
                            * options.seconds(20, 10).toSeconds());
            figures.heapPeakMiB = heap.peakMiB();
        }
        HttpFloorBench.measure(client, options.concurrency(), options.seconds(20, 10), options.repetitions(),
                runtime::cpuMillis, figures.httpFloor);
        System.out.println("fairness: tenant B at 5/s, idle, then beside tenant A's flood");
        Quiet.await(runtime::cpuMillis);
        FairnessBench.of(client, sessions, runtime, watcher, drain, !options.noPolicy())
                .run(options.seconds(20, 10), 2 * options.concurrency());
    }

    private static void measureIntake(BenchOptions options, Databases databases, String db, Path workDir,
                                      Drain drain, Figures figures) throws Exception {
        try (var connection = databases.connect(db)) {
            EventStoreCloner.fastForwardTokens(connection);
        }
        try (RuntimeProcess runtime = start(options, databases, db, workDir, "intake");
             RuntimeClient client = new RuntimeClient(runtime.baseUri());
             CompletionWatcher watcher = new CompletionWatcher(databases.connect(db))) {
            Sessions sessions = new Sessions(client, SESSIONS);
            System.out.println("intake warm-up");
            WarmUp.untilSettled(options, new EndToEndBench(client, sessions, watcher, databases, db, drain), runtime);
            drain.awaitIdle();
            drain.maintain();
            try (HeapSampler heap = new HeapSampler(runtime)) {
                System.out.println("intake");
                figures.intake = new IntakeBench(client, sessions, new Drain(databases, db, options.seconds(10, 5)),
                        runtime::cpuMillis).run(options.seconds(10, 5), options.repetitions());
                figures.heapPeakMiB = Math.max(figures.heapPeakMiB, heap.peakMiB());
            }
            figures.heapLiveAfterPeakMiB = runtime.liveHeapMiB();
        }
    }

    /** Starts the runtime; with {@code --jfr} and a name, recording it into {@code runtime-<name>.jfr}. */
    private static RuntimeProcess start(BenchOptions options, Databases databases, String db, Path workDir,
                                        String recording) throws Exception {
        Path jfr = options.jfr() && recording != null ? workDir.resolve("runtime-" + recording + ".jfr") : null;
        return RuntimeProcess.start(options.runtimeJar(), databases, db, freePort(), workDir, jfr,
                options.runtimeEnv());
    }

    /** A port nothing listens on now, so two benchmark runs (or a runtime left running) never collide. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void measureStore(BenchOptions options, StoreBench store, RuntimeProcess runtime, Figures figures)
            throws Exception {
        figures.timelineRows = store.timelineRows();
        // The runtime was just restarted: warm its query and replay paths (JIT, caches, pools) before timing them.
        store.warmUp(WarmUp.MINIMUM, WarmUp.maximum(options), STORE_WARM_UP_ROUND);
        for (int run = 0; run < options.repetitions(); run++) {
            double[] audit = store.auditQuery(options.queries());
            figures.auditP50.add(audit[0]);
            figures.auditP99.add(audit[1]);
            double[] eventsOnly = store.replay("events_only", options.queries());
            figures.replayEventsOnlyP50.add(eventsOnly[0]);
            figures.replayEventsOnlyP99.add(eventsOnly[1]);
            double[] stateOnly = store.replay("state_only", options.queries());
            figures.replayStateOnlyP50.add(stateOnly[0]);
            figures.replayStateOnlyP99.add(stateOnly[1]);
            System.out.printf("  run %d: audit p50 %.2f p99 %.2f ms; replay events_only p50 %.2f p99 %.2f ms; "
                            + "state_only p50 %.2f p99 %.2f ms%n", run + 1, audit[0], audit[1], eventsOnly[0],
                    eventsOnly[1], stateOnly[0], stateOnly[1]);
        }
        System.out.println("rebuild of " + StoreBench.REBUILT_PROJECTION);
        figures.rebuild = store.rebuild(options.seconds(120, 45), runtime::cpuMillis);
        System.out.printf("  %d events in %.1f s: %.0f events/s, runtime CPU %.0f µs per event%n",
                figures.rebuild.events(), figures.rebuild.seconds(), figures.rebuild.perSecond(),
                figures.rebuild.runtimeCpuMicrosPerEvent());
    }
}
