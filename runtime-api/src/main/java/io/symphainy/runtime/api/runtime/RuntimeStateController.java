package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import io.symphainy.runtime.core.state.messages.SessionView;
import io.symphainy.runtime.core.wal.messages.FetchSessionWalQuery;
import io.symphainy.runtime.core.wal.messages.WalPage;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator and auditor views of the runtime: the State Surface record of an execution and a session's WAL.
 */
@RestController
@Validated
public class RuntimeStateController {

    private static final int MAX_PAGE = 1000;

    private final ExecutionReads executions;
    private final QueryGateway queries;

    RuntimeStateController(ExecutionReads executions, QueryGateway queries) {
        this.executions = executions;
        this.queries = queries;
    }

    @GetMapping("/runtime/state/{execution_id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    public ExecutionStateView state(RuntimePrincipal caller, @PathVariable("execution_id") UUID executionId) {
        return executions.find(caller, new ExecutionId(executionId));
    }

    @GetMapping("/runtime/wal/{session_id}")
    @PreAuthorize("hasAnyRole('OPERATOR', 'AUDITOR')")
    public WalResponse wal(RuntimePrincipal caller, @PathVariable("session_id") UUID sessionId,
                           @RequestParam(name = "after", defaultValue = "0") @Min(0) long after,
                           @RequestParam(name = "limit", defaultValue = "100") @Min(1) @Max(MAX_PAGE) int limit) {
        SessionId id = new SessionId(sessionId);
        boolean known = queries.query(new FindSessionQuery(RuntimeCommands.tenantOf(caller), id),
                ResponseTypes.optionalInstanceOf(SessionView.class)).join().isPresent();
        if (!known) {
            throw new ProblemException(ProblemCode.SESSION_NOT_FOUND, "session " + sessionId + " not found");
        }
        WalPage page = queries.query(new FetchSessionWalQuery(RuntimeCommands.tenantOf(caller), id, after, limit),
                WalPage.class).join();
        return new WalResponse(id.toString(), page.entries(), page.nextAfter());
    }
}
