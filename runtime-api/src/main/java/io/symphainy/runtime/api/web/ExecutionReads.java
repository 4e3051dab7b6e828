package io.symphainy.runtime.api.web;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Reads an execution of the caller's tenant from the State Surface; another tenant's execution does not exist.
 */
@Component
public class ExecutionReads {

    private final QueryGateway queries;
    private final RecentWrites recentWrites;

    ExecutionReads(QueryGateway queries, RecentWrites recentWrites) {
        this.queries = queries;
        this.recentWrites = recentWrites;
    }

    /** The execution, or a 404 problem. */
    public ExecutionStateView find(RuntimePrincipal caller, ExecutionId executionId) {
        return recentWrites.read(caller.tenantId(), executionId, () -> queries.query(
                        new FindExecutionStateQuery(RuntimeCommands.tenantOf(caller), executionId),
                        ResponseTypes.optionalInstanceOf(ExecutionStateView.class)).join())
                .orElseThrow(() -> new ProblemException(ProblemCode.EXECUTION_NOT_FOUND,
                        "execution " + executionId + " not found"));
    }
}
