package io.symphainy.runtime.bench.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Everything one run of the several-nodes benchmark measured, filled phase by phase. */
final class NodesFigures {

    /**
     * The closed-loop figures with {@code nodes} nodes on one database (CPU per execution summed over the nodes), how
     * long the coordinator took to have a segment on every node (-1: not within the limit) and the segments each node
     * held at the end (token store owner → processor → segments).
     */
    record Scale(int nodes, EndToEndBench.Figures endToEnd, long spreadMs, Map<String, Map<String, Integer>> claims) {
    }

    List<Double> ceilingTps = new ArrayList<>();
    Map<Integer, Scale> byNodes = new TreeMap<>();
    FailoverBench.Failover failover;
}
