package io.symphainy.runtime.core.node;

import io.symphainy.runtime.core.config.NodeProperties;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The nodes sharing this database: each records a heartbeat in {@code runtime_node}, and a node counts as alive until
 * {@code runtime.nodes.node-timeout} after its last one. A node's id is the one Axon's token store writes into the
 * owner column of the segments it claims (the JVM's {@code pid@host}), so claims and nodes can be matched.
 */
@Component
public class RuntimeNodes {

    private static final String LIVE = "seen_at > now() - (? * interval '1 millisecond')";

    private final JdbcTemplate jdbc;
    private final NodeProperties properties;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();

    RuntimeNodes(JdbcTemplate jdbc, NodeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** This node's id. */
    public String nodeId() {
        return nodeId;
    }

    /** Every live node with the segments it holds, this node first if it is alive, then by id. */
    public List<NodeClaims> liveNodes() {
        Map<String, Map<String, List<Integer>>> claims = new TreeMap<>();
        jdbc.query("select owner, processor_name, segment from token_entry where owner is not null"
                + " order by processor_name, segment", row -> {
                    claims.computeIfAbsent(row.getString(1), owner -> new TreeMap<>())
                            .computeIfAbsent(row.getString(2), processor -> new ArrayList<>()).add(row.getInt(3));
                });
        List<NodeClaims> nodes = new ArrayList<>(jdbc.query("select node_id, started_at, seen_at from runtime_node"
                        + " where " + LIVE + " order by node_id",
                (row, number) -> new NodeClaims(row.getString(1), row.getTimestamp(2).toInstant(),
                        row.getTimestamp(3).toInstant(), claims.getOrDefault(row.getString(1), Map.of())),
                properties.nodeTimeout().toMillis()));
        nodes.sort((left, right) -> Boolean.compare(!left.nodeId().equals(nodeId), !right.nodeId().equals(nodeId)));
        return nodes;
    }

    /** How many nodes are alive, this one included once it has recorded a heartbeat. */
    int liveNodeCount() {
        Integer live = jdbc.queryForObject("select count(*) from runtime_node where " + LIVE, Integer.class,
                properties.nodeTimeout().toMillis());
        return live == null ? 0 : live;
    }

    /** How many segments the processor has in the token store. */
    int storedSegments(String processor) {
        Integer segments = jdbc.queryForObject("select count(*) from token_entry where processor_name = ?",
                Integer.class, processor);
        return segments == null ? 0 : segments;
    }

    /** How many segments of the processor each live node holds, none for a live node that holds none. */
    Map<String, Integer> segmentsPerLiveNode(String processor) {
        Map<String, Integer> held = new TreeMap<>();
        jdbc.query("select node_id, count(segment) from runtime_node left join token_entry"
                + " on owner = node_id and processor_name = ? where " + LIVE + " group by node_id",
                row -> {
                    held.put(row.getString(1), row.getInt(2));
                }, processor, properties.nodeTimeout().toMillis());
        return held;
    }

    /** The segments of the processor this node holds in the token store. */
    List<Integer> segmentsHeld(String processor) {
        return jdbc.queryForList("select segment from token_entry where processor_name = ? and owner = ?",
                Integer.class, processor, nodeId);
    }

    /** Records that this node is alive. */
    void heartbeat() {
        jdbc.update("""
                insert into runtime_node (node_id, started_at, seen_at) values (?, ?, now())
                on conflict (node_id) do update set seen_at = now()""", nodeId,
                java.sql.Timestamp.from(Instant.now()));
    }

    /** Removes this node, so the others stop counting it at once; and nodes gone for a day. */
    void leave() {
        jdbc.update("delete from runtime_node where node_id = ? or seen_at < now() - interval '1 day'", nodeId);
    }
}
