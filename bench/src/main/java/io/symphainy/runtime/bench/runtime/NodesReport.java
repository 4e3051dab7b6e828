package io.symphainy.runtime.bench.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The several-nodes run's figures as {@code nodes-latest.json} (ms, per second; repeated figures as
 * {@code {median, min, max, runs}}) and as the printed table: the ceiling, the closed-loop figures by number of nodes
 * and the failover's kills.
 */
final class NodesReport {

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final StringBuilder table = new StringBuilder();

    NodesReport(Map<String, Object> run, NodesFigures f, int concurrency) {
        json.put("run", run);
        double ceiling = Stats.median(f.ceilingTps);
        Map<String, Object> ceilingJson = section("ceiling");
        ceilingJson.put("concurrency", concurrency);
        ceilingJson.put("single_insert_transactions_per_second", Stats.spread(f.ceilingTps));
        row("ceiling: pgbench single-row INSERT tx/s", f.ceilingTps);

        Map<String, Object> byNodes = section("by_nodes");
        double oneNode = f.byNodes.containsKey(1) ? Stats.median(f.byNodes.get(1).endToEnd().perSecond()) : Double.NaN;
        f.byNodes.forEach((nodes, scale) -> {
            EndToEndBench.Figures e = scale.endToEnd();
            String label = nodes + (nodes == 1 ? " node: " : " nodes: ");
            double perSecond = Stats.median(e.perSecond());
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("concurrency", concurrency);
            n.put("completed_per_second", Stats.spread(e.perSecond()));
            n.put("completed_per_second_ratio_to_ceiling", Math.round(perSecond / ceiling * 10_000) / 10_000.0);
            n.put("completed_per_second_ratio_to_one_node", Stats.round(perSecond / oneNode));
            n.put("loaded_p50_ms", Stats.spread(e.loadedP50()));
            n.put("loaded_p99_ms", Stats.spread(e.loadedP99()));
            n.put("transactions_per_execution", Stats.spread(e.transactionsPerExecution()));
            n.put("runtime_cpu_ms_per_execution_all_nodes", Stats.spread(e.cpuMsPerExecution()));
            n.put("coordinator_on_every_node_ms", scale.spreadMs());
            n.put("segments_by_owner", scale.claims());
            byNodes.put(Integer.toString(nodes), n);
            row(label + "completed/s (" + concurrency + " clients)", e.perSecond(),
                    String.format(Locale.ROOT, "%.4f of the ceiling, %.2f × 1 node", perSecond / ceiling,
                            perSecond / oneNode));
            row(label + "p50 ms under that load", e.loadedP50());
            row(label + "p99 ms under that load", e.loadedP99());
            row(label + "transactions per execution", e.transactionsPerExecution());
            row(label + "runtime CPU ms per execution", e.cpuMsPerExecution(), "summed over the nodes");
        });

        if (f.failover != null) {
            failover(f.failover);
        }
    }

    private void failover(FailoverBench.Failover failover) {
        Map<String, Object> section = section("failover");
        List<FailoverBench.Kill> kills = failover.kills();
        section.put("nodes", failover.nodes());
        section.put("concurrency", failover.concurrency());
        section.put("window_seconds", FailoverBench.WINDOW.toSeconds());
        section.put("takeover_ms", spread(kills, FailoverBench.Kill::takeoverMs));
        section.put("acknowledged_before_kill_terminal_ms", spread(kills, FailoverBench.Kill::allTerminalMs));
        section.put("completed_per_second_before_kill", spread(kills, FailoverBench.Kill::perSecondBefore));
        section.put("completed_per_second_after_kill", spread(kills, FailoverBench.Kill::perSecondAfterKill));
        section.put("completed_per_second_after_takeover", spread(kills, FailoverBench.Kill::perSecondAfterTakeover));
        section.put("restart_healthy_ms", spread(kills, FailoverBench.Kill::restartMs));
        List<Map<String, Object>> killsJson = new ArrayList<>();
        table.append(String.format("%nfailover: %d nodes, %d clients, %d kill%s of the node holding the most"
                        + " coordinator and read-model segments (completed/s over %d s windows)%n", failover.nodes(),
                failover.concurrency(), kills.size(), kills.size() == 1 ? "" : "s", FailoverBench.WINDOW.toSeconds()));
        table.append(String.format("%-4s %-4s %-36s %11s %9s %15s %26s %10s%n", "kill", "node", "segments held",
                "takeover ms", "in flight", "all terminal ms", "completed/s before / after", "restart ms"));
        table.append(String.format("%111s%n", "the kill / the takeover"));
        for (FailoverBench.Kill kill : kills) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("node", kill.node());
            k.put("node_id", kill.nodeId());
            k.put("segments_held", kill.held());
            k.put("takeover_ms", Stats.round(kill.takeoverMs()));
            k.put("acknowledged_in_flight", kill.inFlight());
            k.put("acknowledged_before_kill_terminal_ms", Stats.round(kill.allTerminalMs()));
            k.put("acknowledged_before_kill_not_terminal_in_time", kill.notTerminalInTime());
            k.put("completed_per_second_before_kill", Stats.round(kill.perSecondBefore()));
            k.put("completed_per_second_after_kill", Stats.round(kill.perSecondAfterKill()));
            k.put("completed_per_second_after_takeover", Stats.round(kill.perSecondAfterTakeover()));
            k.put("restart_healthy_ms", Stats.round(kill.restartMs()));
            killsJson.add(k);
            table.append(String.format(Locale.ROOT, "%-4d %-4d %-36s %11.0f %9d %15.0f %26s %10.0f%n",
                    kill.round(), kill.node(), kill.held(), kill.takeoverMs(), kill.inFlight(), kill.allTerminalMs(),
                    String.format(Locale.ROOT, "%.1f / %.1f / %.1f", kill.perSecondBefore(), kill.perSecondAfterKill(),
                            kill.perSecondAfterTakeover()), kill.restartMs()));
        }
        section.put("kills", killsJson);
        section.put("acknowledged", failover.acknowledged());
        section.put("terminal_by_status", failover.statuses());
        section.put("not_terminal", failover.notTerminal());
        section.put("not_terminal_without_state_row", failover.missing());
        section.put("requests_not_acknowledged", failover.refused());
        section.put("client_waits_given_up", failover.abandoned());
        boolean noneLost = failover.notTerminal() == 0;
        section.put("no_acknowledged_execution_lost", noneLost ? "pass" : "short");
        table.append(String.format("%nfailover: %d acknowledged, terminal %s, not terminal (lost) %d (%d without a"
                        + " State Surface row): %s; %d requests not acknowledged (sent to a dying node), %d client"
                        + " waits given up%n", failover.acknowledged(), failover.statuses(), failover.notTerminal(),
                failover.missing(), noneLost ? "pass" : "short", failover.refused(), failover.abandoned()));
    }

    /** A figure of every kill as {@code {median, min, max, runs}}. */
    private static Map<String, Object> spread(List<FailoverBench.Kill> kills,
                                              ToDoubleFunction<FailoverBench.Kill> figure) {
        return Stats.spread(kills.stream().map(figure::applyAsDouble).toList());
    }

    private Map<String, Object> section(String name) {
        Map<String, Object> section = new LinkedHashMap<>();
        json.put(name, section);
        return section;
    }

    private void row(String name, List<Double> values) {
        row(name, values, "");
    }

    private void row(String name, List<Double> values, String note) {
        table.append(String.format("%-46s %-28s %s%n", name, Stats.text(values), note));
    }

    String table() {
        return "figure                                         median (min–max)             note\n" + table;
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
    }
}
