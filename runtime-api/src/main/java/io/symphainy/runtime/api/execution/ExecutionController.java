package io.symphainy.runtime.api.execution;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.CancelExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Executions as clients follow them: status with each step's attempts, and cancellation.
 */
@RestController
public class ExecutionController {

    private final ExecutionReads executions;
    private final RuntimeCommands commands;

    ExecutionController(ExecutionReads executions, RuntimeCommands commands) {
        this.executions = executions;
        this.commands = commands;
    }

    @GetMapping("/execution/{execution_id}/status")
    @PreAuthorize("isAuthenticated()")
    public ExecutionStateView status(RuntimePrincipal caller, @PathVariable("execution_id") UUID executionId) {
        return executions.find(caller, new ExecutionId(executionId));
    }

    @PostMapping("/execution/{execution_id}/cancel")
    @PreAuthorize("hasAnyRole('SUBMITTER', 'OPERATOR')")
    public ResponseEntity<Map<String, String>> cancel(RuntimePrincipal caller,
                                                      @PathVariable("execution_id") UUID executionId,
                                                      @Valid @RequestBody(required = false)
                                                      CancelExecutionRequest request) {
        ExecutionId id = new ExecutionId(executionId);
        String reason = request == null || request.reason() == null ? "cancelled by " + caller.userId()
                : request.reason();
        commands.sendToExisting(caller, null, new CancelExecutionCommand(id, RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), reason), ProblemCode.EXECUTION_NOT_FOUND,
                "execution " + executionId + " not found");
        return ResponseEntity.accepted().body(Map.of("execution_id", id.toString(), "status", "cancelled"));
    }

    static ProblemException notFound(UUID executionId) {
        return new ProblemException(ProblemCode.EXECUTION_NOT_FOUND, "execution " + executionId + " not found");
    }
}
