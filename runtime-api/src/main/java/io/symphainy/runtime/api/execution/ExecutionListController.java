package io.symphainy.runtime.api.execution;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.PageCursors;
import io.symphainy.runtime.api.web.QueryParameters;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.state.messages.ExecutionListFilter;
import io.symphainy.runtime.core.state.messages.ExecutionSummaryPage;
import io.symphainy.runtime.core.state.messages.FindExecutionsQuery;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.Arrays;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's executions from the State Surface, newest first, filtered and keyset-paged.
 */
@RestController
@Validated
public class ExecutionListController {

    private final QueryGateway queries;

    ExecutionListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/executions")
    @PreAuthorize("isAuthenticated()")
    public ExecutionListResponse list(RuntimePrincipal caller, @Valid ExecutionListParams params) {
        Instant from = QueryParameters.instant("from", params.from());
        Instant to = QueryParameters.instant("to", params.to());
        QueryParameters.requireOrdered(from, to);
        ExecutionListFilter filter = new ExecutionListFilter(status(params.status()),
                QueryParameters.text(params.intentType()), QueryParameters.text(params.capability()),
                params.sessionId() == null ? null : new SessionId(params.sessionId()), from, to);
        FindExecutionsQuery query = new FindExecutionsQuery(RuntimeCommands.tenantOf(caller), filter,
                PageCursors.decode(params.after()), params.limitOrDefault());
        ExecutionSummaryPage page = queries.query(query, ResponseTypes.instanceOf(ExecutionSummaryPage.class)).join();
        return new ExecutionListResponse(page.executions(), PageCursors.encode(page.next()));
    }

    private static ExecutionStatus status(String raw) {
        String wanted = QueryParameters.text(raw);
        if (wanted == null) {
            return null;
        }
        return Arrays.stream(ExecutionStatus.values()).filter(status -> status.wireName().equals(wanted)).findFirst()
                .orElseThrow(() -> QueryParameters.invalid("status", "unknown status '" + wanted
                        + "'; expected one of " + Arrays.stream(ExecutionStatus.values())
                        .map(ExecutionStatus::wireName).toList()));
    }
}
