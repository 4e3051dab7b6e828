package io.symphainy.runtime.core.node;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A live node and the processor segments it holds.
 *
 * @param nodeId    the node's id, as it writes it into the token store's owner column
 * @param startedAt when the node first recorded its heartbeat
 * @param seenAt    its last heartbeat
 * @param segments  the segments it has claimed, by processor name
 */
public record NodeClaims(String nodeId, Instant startedAt, Instant seenAt, Map<String, List<Integer>> segments) {
}
