package io.symphainy.runtime.api.execution;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.state.messages.ExecutionSummaryView;
import java.util.List;

/**
 * A page of executions, newest first; ask again with {@code after=next} for the next page until it is null.
 */
public record ExecutionListResponse(List<ExecutionSummaryView> executions,
                                    @JsonInclude(JsonInclude.Include.ALWAYS) String next) {
}
