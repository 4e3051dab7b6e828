package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.core.node.NodeClaims;
import java.util.List;

/**
 * The tracking processors of this node, by name; this node's id; and every live node sharing the database with the
 * segments it holds (processor name to segment ids).
 */
public record ProjectionListResponse(List<ProjectionView> projections, String nodeId, List<NodeClaims> nodes) {
}
