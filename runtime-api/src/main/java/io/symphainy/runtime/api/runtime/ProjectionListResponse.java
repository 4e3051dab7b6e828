package io.symphainy.runtime.api.runtime;

import java.util.List;

/** The tracking processors of this node, by name. */
public record ProjectionListResponse(List<ProjectionView> projections) {
}
