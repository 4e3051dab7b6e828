package io.symphainy.runtime.bench.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run's figures as {@code latest.json} (keys named after the figures; ms, per second, MiB; each target
 * as {@code {value, target, verdict}}) and as the printed table.
 */
final class Report {

    /** Targets of the performance redesign: a 3-step execution's cost and speed, submit to COMPLETED. */
    private static final double COMPLETED_PER_SECOND = 1_100;
    private static final double LOW_LOAD_P50_MS = 5;
    private static final double TRANSACTIONS_PER_EXECUTION = 5;
    private static final double CPU_MS_PER_EXECUTION = 1.5;

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    Report(Map<String, Object> run, Figures f, int concurrency) {
        json.put("run", run);
        double ceiling = Stats.median(f.ceilingTps);
        Map<String, Object> ceilingJson = section("ceiling");
        ceilingJson.put("concurrency", concurrency);
        ceilingJson.put("single_insert_transactions_per_second", Stats.spread(f.ceilingTps));
        row("ceiling: pgbench single-row INSERT tx/s", f.ceilingTps, "");

        Map<String, Object> intake = section("intake");
        if (f.intake != null) {
            Map<String, Object> rates = new LinkedHashMap<>();
            f.intake.p50().forEach((rate, p50) -> {
                Map<String, Object> atRate = new LinkedHashMap<>();
                atRate.put("p50_ms", Stats.spread(p50));
                atRate.put("p99_ms", Stats.spread(f.intake.p99().get(rate)));
                atRate.put("failed_requests", Stats.spread(f.intake.failed().get(rate)));
                rates.put(Integer.toString(rate), atRate);
                row("intake " + rate + " req/s p50 ms", p50, "");
                row("intake " + rate + " req/s p99 ms", f.intake.p99().get(rate), "");
                row("intake " + rate + " req/s failed requests", f.intake.failed().get(rate), "");
            });
            intake.put("by_rate_per_second", rates);
            intake.put("p99_at_200_per_second_ms",
                    Verdicts.atMost(Stats.median(f.intake.p99().getOrDefault(200, List.of())), 10));
            intake.put("highest_rate_with_p99_within_10_ms_per_second", f.intake.highestHeld());
            intake.put("failures", f.intake.failures());
            table.append(String.format("%-46s %s%n", "intake highest rate with p99 <= 10 ms",
                    f.intake.highestHeld() + " req/s"));
        }

        EndToEndBench.Figures e = f.endToEnd;
        Map<String, Object> e2e = section("end_to_end");
        e2e.put("concurrency", concurrency);
        e2e.put("low_load_p50_ms", Verdicts.atMost(Stats.median(e.lowP50()), LOW_LOAD_P50_MS));
        e2e.put("low_load_p50_ms_spread", Stats.spread(e.lowP50()));
        e2e.put("low_load_p99_ms", Stats.spread(e.lowP99()));
        e2e.put("completed_per_second", Verdicts.atLeast(Stats.median(e.perSecond()), COMPLETED_PER_SECOND));
        e2e.put("completed_per_second_spread", Stats.spread(e.perSecond()));
        e2e.put("loaded_p50_ms", Stats.spread(e.loadedP50()));
        e2e.put("loaded_p99_ms", Stats.spread(e.loadedP99()));
        e2e.put("transactions_per_execution", Verdicts.atMost(Stats.median(e.transactionsPerExecution()),
                TRANSACTIONS_PER_EXECUTION));
        e2e.put("transactions_per_execution_spread", Stats.spread(e.transactionsPerExecution()));
        e2e.put("runtime_cpu_ms_per_execution",
                Verdicts.atMost(Stats.median(e.cpuMsPerExecution()), CPU_MS_PER_EXECUTION));
        e2e.put("runtime_cpu_ms_per_execution_spread", Stats.spread(e.cpuMsPerExecution()));
        e2e.put("postgres_cpu_ms_per_execution", Stats.spread(e.postgresCpuMsPerExecution()));
        e2e.put("completed_per_second_ratio_to_ceiling", Stats.round(Stats.median(e.perSecond()) / ceiling));
        row("end-to-end low load p50 ms", e.lowP50(), Verdicts.text(e2e, "low_load_p50_ms"));
        row("end-to-end low load p99 ms", e.lowP99(), "");
        row("end-to-end completed/s (" + concurrency + " clients)", e.perSecond(),
                Verdicts.text(e2e, "completed_per_second"));
        row("end-to-end p50 ms under that load", e.loadedP50(), "");
        row("end-to-end p99 ms under that load", e.loadedP99(), "");
        row("transactions per execution", e.transactionsPerExecution(),
                Verdicts.text(e2e, "transactions_per_execution"));
        row("runtime CPU ms per execution", e.cpuMsPerExecution(), Verdicts.text(e2e, "runtime_cpu_ms_per_execution"));
        row("PostgreSQL CPU ms per execution", e.postgresCpuMsPerExecution(), "");
        e2e.put("http_floor_requests_per_second", Stats.spread(f.httpFloor.perSecond()));
        e2e.put("http_floor_cpu_ms_per_request", Stats.spread(f.httpFloor.cpuMsPerRequest()));
        row("HTTP floor: GET /whoami requests/s", f.httpFloor.perSecond(), "");
        row("HTTP floor: runtime CPU ms per request", f.httpFloor.cpuMsPerRequest(), "");
        table.append(String.format("%-46s %.4f of the ceiling%n", "completed/s ratio",
                Stats.median(e.perSecond()) / ceiling));

        Map<String, Object> replay = section("replay");
        replay.put("events_only_p50_ms", Verdicts.atMost(Stats.median(f.replayEventsOnlyP50), 5));
        replay.put("events_only_p50_ms_spread", Stats.spread(f.replayEventsOnlyP50));
        replay.put("events_only_p99_ms", Stats.spread(f.replayEventsOnlyP99));
        replay.put("state_only_p50_ms", Verdicts.atMost(Stats.median(f.replayStateOnlyP50), 5));
        replay.put("state_only_p50_ms_spread", Stats.spread(f.replayStateOnlyP50));
        replay.put("state_only_p99_ms", Stats.spread(f.replayStateOnlyP99));
        replay.put("store_events", f.storeEvents);
        row("replay events_only p50 ms", f.replayEventsOnlyP50, Verdicts.text(replay, "events_only_p50_ms"));
        row("replay events_only p99 ms", f.replayEventsOnlyP99, "");
        row("replay state_only p50 ms", f.replayStateOnlyP50, Verdicts.text(replay, "state_only_p50_ms"));
        row("replay state_only p99 ms", f.replayStateOnlyP99, "");
        if (f.rebuild != null) {
            replay.put("rebuild_events_per_second", Verdicts.atLeast(f.rebuild.perSecond(), 20_000));
            replay.put("rebuild_events_per_second_by_5s_interval", Stats.spread(f.rebuild.intervalRates()));
            replay.put("rebuild_projection", StoreBench.REBUILT_PROJECTION);
            replay.put("rebuild_events_replayed", f.rebuild.events());
            replay.put("rebuild_events_total", f.rebuild.total());
            replay.put("rebuild_finished", f.rebuild.finished());
            replay.put("rebuild_seconds", Stats.round(f.rebuild.seconds()));
            replay.put("rebuild_runtime_cpu_us_per_event", Stats.round(f.rebuild.runtimeCpuMicrosPerEvent()));
            row("rebuild events/s (" + f.rebuild.events() + "/" + f.rebuild.total() + " events)",
                    List.of(f.rebuild.perSecond()),
                    Verdicts.text(replay, "rebuild_events_per_second"));
        }

        Map<String, Object> audit = section("audit");
        audit.put("timeline_p99_ms", Verdicts.atMost(Stats.median(f.auditP99), 50));
        audit.put("timeline_p99_ms_spread", Stats.spread(f.auditP99));
        audit.put("timeline_p50_ms", Stats.spread(f.auditP50));
        audit.put("store_events", f.storeEvents);
        audit.put("timeline_rows", f.timelineRows);
        row("audit timeline p50 ms (" + f.timelineRows + " rows)", f.auditP50, "");
        row("audit timeline p99 ms", f.auditP99, Verdicts.text(audit, "timeline_p99_ms"));

        Map<String, Object> memory = section("memory");
        memory.put("heap_after_warm_up_mib", Stats.round(f.heapAfterWarmUpMiB));
        memory.put("heap_live_after_warm_up_mib", Stats.round(f.heapLiveAfterWarmUpMiB));
        memory.put("heap_peak_mib", Verdicts.atMost(f.heapPeakMiB, 512));
        memory.put("heap_live_after_peak_mib", Stats.round(f.heapLiveAfterPeakMiB));
        row("heap after warm-up MiB (used)", List.of(f.heapAfterWarmUpMiB), "");
        row("heap after warm-up MiB (live, after a full GC)", List.of(f.heapLiveAfterWarmUpMiB), "");
        row("heap peak under load MiB", List.of(f.heapPeakMiB), Verdicts.text(memory, "heap_peak_mib"));

        EndToEndBench.Figures p = f.peer;
        Map<String, Object> peer = section("peer");
        peer.put("dbos_transact_version", dev.dbos.transact.DBOS.version());
        peer.put("dbos_low_load_p50_ms", Stats.spread(p.lowP50()));
        peer.put("dbos_low_load_p99_ms", Stats.spread(p.lowP99()));
        peer.put("dbos_completed_per_second", Stats.spread(p.perSecond()));
        peer.put("dbos_loaded_p50_ms", Stats.spread(p.loadedP50()));
        peer.put("dbos_loaded_p99_ms", Stats.spread(p.loadedP99()));
        peer.put("dbos_transactions_per_workflow", Stats.spread(p.transactionsPerExecution()));
        peer.put("dbos_jvm_cpu_ms_per_workflow_including_load_generator", Stats.spread(p.cpuMsPerExecution()));
        peer.put("dbos_postgres_cpu_ms_per_workflow", Stats.spread(p.postgresCpuMsPerExecution()));
        peer.put("throughput_ahead_of_dbos",
                Verdicts.atLeast(Stats.median(e.perSecond()), Stats.median(p.perSecond())));
        peer.put("low_load_p50_ahead_of_dbos", Verdicts.atMost(Stats.median(e.lowP50()), Stats.median(p.lowP50())));
        peer.put("dbos_completed_per_second_ratio_to_ceiling", Stats.round(Stats.median(p.perSecond()) / ceiling));
        row("DBOS low load p50 ms", p.lowP50(), "");
        row("DBOS low load p99 ms", p.lowP99(), "");
        row("DBOS completed/s (" + concurrency + " clients)", p.perSecond(), "");
        row("DBOS p50 ms under that load", p.loadedP50(), "");
        row("DBOS p99 ms under that load", p.loadedP99(), "");
        row("DBOS transactions per workflow", p.transactionsPerExecution(), "");
        row("DBOS JVM CPU ms per workflow (with load gen.)", p.cpuMsPerExecution(), "");
        row("DBOS PostgreSQL CPU ms per workflow", p.postgresCpuMsPerExecution(), "");
        table.append(String.format("%-46s %s; low-load p50 %s%n", "runtime vs DBOS: throughput",
                Verdicts.text(peer, "throughput_ahead_of_dbos"), Verdicts.text(peer, "low_load_p50_ahead_of_dbos")));
    }

    private Map<String, Object> section(String name) {
        Map<String, Object> section = new LinkedHashMap<>();
        json.put(name, section);
        return section;
    }

    private void row(String name, List<Double> values, String verdict) {
        table.append(String.format("%-46s %-28s %s%n", name, Stats.text(values), verdict));
    }

    String table() {
        return "figure                                         median (min–max)             verdict\n" + table;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
