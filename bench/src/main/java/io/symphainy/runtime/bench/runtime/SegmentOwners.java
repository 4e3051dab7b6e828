package io.symphainy.runtime.bench.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Which node holds which segments of the streaming processors, as the token store ({@code token_entry}) says: the
 * owner column is the node id a runtime reports in {@code GET /health}.
 */
final class SegmentOwners {

    private SegmentOwners() {
    }

    /** Every segment in the token store: owner ({@code -} if none) → processor → number of segments. */
    static Map<String, Map<String, Integer>> claims(Databases databases, String database) throws SQLException {
        Map<String, Map<String, Integer>> claims = new TreeMap<>();
        try (Connection connection = databases.connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select coalesce(owner, '-'), processor_name from token_entry")) {
            while (rows.next()) {
                claims.computeIfAbsent(rows.getString(1), owner -> new TreeMap<>())
                        .merge(rows.getString(2), 1, Integer::sum);
            }
        }
        return claims;
    }

    /** Segments, of any processor, the node id holds. */
    static int heldBy(Map<String, Map<String, Integer>> claims, String nodeId) {
        return claims.getOrDefault(nodeId, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The index of the node holding the most segments of the coordinator and the read models (the first of equals);
     * {@code null} ids are nodes not alive. -1 when none is.
     */
    static int busiest(Map<String, Map<String, Integer>> claims, List<String> nodeIds) {
        int busiest = -1;
        int most = -1;
        for (int i = 0; i < nodeIds.size(); i++) {
            if (nodeIds.get(i) == null) {
                continue;
            }
            Map<String, Integer> held = claims.getOrDefault(nodeIds.get(i), Map.of());
            int count = held.getOrDefault(NodeCluster.COORDINATOR, 0) + held.getOrDefault(NodeCluster.READ_MODELS, 0);
            if (count > most) {
                busiest = i;
                most = count;
            }
        }
        return busiest;
    }

    /** The token store's claims, read anew each time. */
    @FunctionalInterface
    interface Claims {
        Map<String, Map<String, Integer>> read() throws SQLException;
    }

    /**
     * Waits until every live node holds a segment of the coordinator; answers the milliseconds it took, or -1 if it
     * did not happen within {@code within}.
     */
    static long awaitCoordinatorOnEvery(Claims claims, Supplier<List<String>> nodeIds, Duration within)
            throws SQLException, InterruptedException {
        long started = System.nanoTime();
        while (System.nanoTime() - started < within.toNanos()) {
            if (coordinatorOnEvery(claims.read(), nodeIds.get())) {
                return Duration.ofNanos(System.nanoTime() - started).toMillis();
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Whether every live node ({@code null} ids are not) holds a segment of the coordinator. */
    static boolean coordinatorOnEvery(Map<String, Map<String, Integer>> claims, List<String> nodeIds) {
        return nodeIds.stream().allMatch(id -> id == null
                || claims.getOrDefault(id, Map.of()).getOrDefault(NodeCluster.COORDINATOR, 0) > 0);
    }
}
