package io.symphainy.runtime.bench.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Failover under load: with closed-loop clients spread over the cluster's nodes, kills the node holding the most
 * segments of the coordinator and the read models with SIGKILL, a number of times, starting it again between kills.
 * Per kill: the milliseconds until no segment in the token store is owned by the dead node's id (the survivors took
 * its work over), until every execution acknowledged before the kill is terminal, and completed executions per second
 * in the window before the kill, after it and after the takeover. At the end, every acknowledged execution must be
 * terminal: one that is not was lost.
 */
final class FailoverBench {

    /** The window completed/s is counted over, before and after a kill. */
    static final Duration WINDOW = Duration.ofSeconds(10);
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(120);
    /** Long enough for the loss scan to find a step attempt the dead node left (step timeout 30 s plus grace 5 s). */
    private static final Duration TERMINAL_LIMIT = Duration.ofSeconds(180);
    private static final Duration SPREAD_LIMIT = Duration.ofSeconds(60);

    /**
     * One kill: the node (index and id) and the segments it held, ms to takeover and to every execution acknowledged
     * before the kill being terminal (NaN if not within the limits), how many those were and how many were not
     * terminal in time, completed/s before, after the kill and after the takeover, and ms for the node to be healthy
     * again (NaN after the last kill, when it is not started again).
     */
    record Kill(int round, int node, String nodeId, Map<String, Integer> held, double takeoverMs, int inFlight,
                double allTerminalMs, int notTerminalInTime, double perSecondBefore, double perSecondAfterKill,
                double perSecondAfterTakeover, double restartMs) {
    }

    /**
     * The whole failover run: its kills; the executions acknowledged, by how they ended, and those not terminal at
     * the end (lost), with those of them the State Surface has no row for; requests no node acknowledged and client
     * waits given up.
     */
    record Failover(int nodes, int concurrency, List<Kill> kills, int acknowledged, Map<String, Long> statuses,
                    int notTerminal, int missing, int refused, int abandoned) {
    }

    private final NodeCluster cluster;
    private final Databases databases;
    private final String database;

    private FailoverBench(NodeCluster cluster, Databases databases, String database) {
        this.cluster = cluster;
        this.databases = databases;
        this.database = database;
    }

    /** Runs the load, kills {@code kills} times, then waits for every acknowledged execution to be terminal. */
    static Failover run(NodeCluster cluster, Sessions sessions, CompletionWatcher watcher, Databases databases,
                        String database, int kills, int concurrency) throws Exception {
        FailoverBench bench = new FailoverBench(cluster, databases, database);
        List<Kill> rounds = new ArrayList<>();
        FailoverLoad load = FailoverLoad.start(cluster, sessions, watcher, concurrency);
        try {
            for (int round = 1; round <= kills; round++) {
                Thread.sleep(WINDOW.toMillis());
                rounds.add(bench.kill(load, round, round < kills));
            }
        } finally {
            load.close();
        }
        Set<String> unfinished = load.unfinished();
        load.awaitFinished(unfinished, System.nanoTime() + TERMINAL_LIMIT.toNanos());
        unfinished = load.unfinished();
        Map<String, Long> states = bench.stateOf(unfinished);
        long recorded = states.values().stream().mapToLong(Long::longValue).sum();
        if (!unfinished.isEmpty()) {
            System.out.printf("  not terminal %d s after the load stopped: %d, State Surface statuses %s%n",
                    TERMINAL_LIMIT.toSeconds(), unfinished.size(), states);
        }
        return new Failover(cluster.size(), concurrency, rounds, load.acknowledged(), load.statuses(),
                unfinished.size(), (int) (unfinished.size() - recorded), load.refused(), load.abandoned());
    }

    private Kill kill(FailoverLoad load, int round, boolean restart) throws Exception {
        int victim = cluster.busiest();
        String victimId = cluster.nodeId(victim);
        Map<String, Integer> held = cluster.claims().getOrDefault(victimId, Map.of());
        Set<String> inFlight = load.unfinished();
        long killed = System.nanoTime();
        cluster.kill(victim);
        OptionalLong takenOver = awaitTakeover(victimId, killed);
        boolean allTerminal = load.awaitFinished(inFlight, killed + TERMINAL_LIMIT.toNanos());
        long last = Math.max(killed, load.lastFinishedNanos(inFlight, killed));
        sleepUntil(takenOver.orElse(killed) + WINDOW.toNanos());
        int notTerminal = (int) inFlight.stream().filter(load.unfinished()::contains).count();
        double before = load.completedPerSecond(killed - WINDOW.toNanos(), killed);
        double afterKill = load.completedPerSecond(killed, killed + WINDOW.toNanos());
        double afterTakeover = takenOver.isEmpty() ? Double.NaN
                : load.completedPerSecond(takenOver.getAsLong(), takenOver.getAsLong() + WINDOW.toNanos());
        double restartMs = Double.NaN;
        if (restart) {
            restartMs = cluster.restart(victim);
            long spread = cluster.awaitSpread(SPREAD_LIMIT);
            System.out.printf("  node %d healthy again after %.0f ms; coordinator on every node %s; claims %s%n",
                    victim, restartMs, spread < 0 ? "not within " + SPREAD_LIMIT.toSeconds() + " s"
                            : "after " + spread + " ms", cluster.claims());
        }
        Kill kill = new Kill(round, victim, victimId, held,
                takenOver.isEmpty() ? Double.NaN : millis(takenOver.getAsLong() - killed),
                inFlight.size(), allTerminal ? millis(last - killed) : Double.NaN, notTerminal, before, afterKill,
                afterTakeover, restartMs);
        System.out.printf("  kill %d of node %d (held %s): taken over after %.0f ms; the %d executions in flight"
                        + " terminal after %.0f ms (%d not in time); completed/s %.1f before, %.1f after the kill,"
                        + " %.1f after the takeover%n", round, victim, held, kill.takeoverMs(), inFlight.size(),
                kill.allTerminalMs(), notTerminal, before, afterKill, afterTakeover);
        return kill;
    }

    /** Waits until the dead node owns no segment; answers when (nanoTime), or nothing past the limit. */
    private OptionalLong awaitTakeover(String victimId, long killed) throws SQLException, InterruptedException {
        while (System.nanoTime() - killed < TAKEOVER_LIMIT.toNanos()) {
            if (cluster.segmentsHeldBy(victimId) == 0) {
                return OptionalLong.of(System.nanoTime());
            }
            Thread.sleep(50);
        }
        return OptionalLong.empty();
    }

    /** The State Surface's statuses of the executions (those it has no row for are missing from the answer). */
    private Map<String, Long> stateOf(Set<String> executions) throws SQLException {
        Map<String, Long> states = new TreeMap<>();
        try (Connection connection = databases.connect(database); PreparedStatement statement =
                connection.prepareStatement("select status, count(*) from execution_state"
                        + " where execution_id = any(?::uuid[]) group by status")) {
            Array ids = connection.createArrayOf("uuid", executions.toArray());
            statement.setArray(1, ids);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    states.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return states;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
