package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.ExecutionSummaryPage;
import io.symphainy.runtime.core.state.messages.FindExecutionIdsQuery;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import io.symphainy.runtime.core.state.messages.FindExecutionsQuery;
import io.symphainy.runtime.core.state.messages.FindPendingApprovalsQuery;
import io.symphainy.runtime.core.state.messages.PendingApprovalView;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the queries on the execution State Surface that {@link ExecutionStateProjection} keeps: one execution, the
 * ids or a page of a tenant's executions, and the executions awaiting approval; always within the caller's tenant.
 */
@Component
public class ExecutionStateQueries {

    private final ExecutionStateReads reads;
    private final ExecutionApprovalTable approvals;
    private final ExecutionListing listing;

    ExecutionStateQueries(ExecutionStateReads reads, ExecutionApprovalTable approvals, ExecutionListing listing) {
        this.reads = reads;
        this.approvals = approvals;
        this.listing = listing;
    }

    @QueryHandler
    public Optional<ExecutionStateView> handle(FindExecutionStateQuery query) {
        return reads.find(query.tenantId(), query.executionId());
    }

    @QueryHandler
    public List<ExecutionId> handle(FindExecutionIdsQuery query) {
        return reads.ids(query);
    }

    @QueryHandler
    public List<PendingApprovalView> handle(FindPendingApprovalsQuery query) {
        return approvals.pending(query.tenantId());
    }

    @QueryHandler
    public ExecutionSummaryPage handle(FindExecutionsQuery query) {
        return listing.page(query);
    }
}
