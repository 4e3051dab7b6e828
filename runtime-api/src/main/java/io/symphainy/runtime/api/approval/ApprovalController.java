package io.symphainy.runtime.api.approval;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ApproveExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.RejectExecutionCommand;
import io.symphainy.runtime.core.state.messages.FindPendingApprovalsQuery;
import io.symphainy.runtime.core.state.messages.PendingApprovalView;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Human approval of executions the policy held: the tenant's pending approvals, and an approver's decision, which
 * must come from someone other than the submitter.
 */
@RestController
public class ApprovalController {

    private final RuntimeCommands commands;
    private final QueryGateway queries;

    ApprovalController(RuntimeCommands commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @GetMapping("/approvals")
    @PreAuthorize("hasAnyRole('APPROVER', 'OPERATOR', 'AUDITOR')")
    public Map<String, List<PendingApprovalView>> pending(RuntimePrincipal caller) {
        return Map.of("approvals", queries.query(new FindPendingApprovalsQuery(RuntimeCommands.tenantOf(caller)),
                ResponseTypes.multipleInstancesOf(PendingApprovalView.class)).join());
    }

    @PostMapping("/execution/{execution_id}/approve")
    @PreAuthorize("hasRole('APPROVER')")
    public ResponseEntity<Map<String, String>> approve(RuntimePrincipal caller,
                                                       @PathVariable("execution_id") UUID executionId,
                                                       @Valid @RequestBody(required = false)
                                                       ApprovalDecisionRequest request) {
        ExecutionId id = new ExecutionId(executionId);
        commands.sendToExisting(caller, null, new ApproveExecutionCommand(id, RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), reason(request)), ProblemCode.EXECUTION_NOT_FOUND,
                "execution " + executionId + " not found");
        return ResponseEntity.accepted().body(Map.of("execution_id", id.toString(), "decision", "approved"));
    }

    @PostMapping("/execution/{execution_id}/reject")
    @PreAuthorize("hasRole('APPROVER')")
    public ResponseEntity<Map<String, String>> reject(RuntimePrincipal caller,
                                                      @PathVariable("execution_id") UUID executionId,
                                                      @Valid @RequestBody(required = false)
                                                      ApprovalDecisionRequest request) {
        ExecutionId id = new ExecutionId(executionId);
        commands.sendToExisting(caller, null, new RejectExecutionCommand(id, RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), reason(request)), ProblemCode.EXECUTION_NOT_FOUND,
                "execution " + executionId + " not found");
        return ResponseEntity.ok(Map.of("execution_id", id.toString(), "decision", "rejected", "status",
                "rejected"));
    }

    private static String reason(ApprovalDecisionRequest request) {
        return request == null ? null : request.reason();
    }
}
