package io.symphainy.runtime.api.session;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.PageCursors;
import io.symphainy.runtime.api.web.QueryParameters;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.state.messages.FindSessionsQuery;
import io.symphainy.runtime.core.state.messages.SessionListFilter;
import io.symphainy.runtime.core.state.messages.SessionSummaryPage;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's tenant's sessions from the State Surface, newest first, filtered and keyset-paged.
 */
@RestController
@Validated
public class SessionListController {

    private static final List<String> STATUSES = List.of("open", "closed");

    private final QueryGateway queries;

    SessionListController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping("/sessions")
    @PreAuthorize("isAuthenticated()")
    public SessionListResponse list(RuntimePrincipal caller, @Valid SessionListParams params) {
        Instant from = QueryParameters.instant("from", params.from());
        Instant to = QueryParameters.instant("to", params.to());
        QueryParameters.requireOrdered(from, to);
        String status = QueryParameters.text(params.status());
        if (status != null && !STATUSES.contains(status)) {
            throw QueryParameters.invalid("status", "unknown status '" + status + "'; expected one of " + STATUSES);
        }
        SessionListFilter filter = new SessionListFilter(status, QueryParameters.text(params.userId()), from, to);
        FindSessionsQuery query = new FindSessionsQuery(RuntimeCommands.tenantOf(caller), filter,
                PageCursors.decode(params.after()), params.limitOrDefault());
        SessionSummaryPage page = queries.query(query, ResponseTypes.instanceOf(SessionSummaryPage.class)).join();
        return new SessionListResponse(page.sessions(), PageCursors.encode(page.next()));
    }
}
