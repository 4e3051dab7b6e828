package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.api.web.RecentWrites;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import io.symphainy.runtime.core.state.messages.SessionView;
import io.symphainy.runtime.core.wal.WalScope;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Checks that what a stream follows exists for the caller's tenant, through the State Surface reads the REST
 * endpoints use (read-your-writes included); another tenant's execution or session does not exist.
 */
@Component
class StreamTargets {

    private final ExecutionReads executions;
    private final QueryGateway queries;
    private final RecentWrites recentWrites;

    StreamTargets(ExecutionReads executions, QueryGateway queries, RecentWrites recentWrites) {
        this.executions = executions;
        this.queries = queries;
        this.recentWrites = recentWrites;
    }

    /** @throws ProblemException EXECUTION_NOT_FOUND or SESSION_NOT_FOUND */
    void requireExisting(RuntimePrincipal caller, WalScope scope) {
        if (scope.kind() == WalScope.Kind.EXECUTION) {
            executions.find(caller, new ExecutionId(scope.id()));
            return;
        }
        SessionId sessionId = new SessionId(scope.id());
        boolean known = recentWrites.read(caller.tenantId(), sessionId, () -> queries.query(
                        new FindSessionQuery(RuntimeCommands.tenantOf(caller), sessionId),
                        ResponseTypes.optionalInstanceOf(SessionView.class)).join())
                .isPresent();
        if (!known) {
            throw new ProblemException(ProblemCode.SESSION_NOT_FOUND, "session " + sessionId + " not found");
        }
    }
}
