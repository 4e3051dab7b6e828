package io.symphainy.runtime.api.execution;

import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.ExecutionReads;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.signal.SignalDelivery;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signals: events from outside that steps of an execution wait for. A signal is delivered to the step waiting for
 * it, or kept (recorded) for the step that will wait for it (also while the execution is held for approval, before
 * its steps start), and answers 202 either way.
 */
@RestController
public class SignalController {

    private final ExecutionReads executions;
    private final SignalDelivery delivery;

    SignalController(ExecutionReads executions, SignalDelivery delivery) {
        this.executions = executions;
        this.delivery = delivery;
    }

    @PostMapping("/execution/{execution_id}/signal")
    @PreAuthorize("hasAnyRole('SUBMITTER', 'OPERATOR')")
    public ResponseEntity<Map<String, Object>> signal(RuntimePrincipal caller,
                                                      @PathVariable("execution_id") UUID executionId,
                                                      @Valid @RequestBody SendSignalRequest request) {
        ExecutionStateView execution = executions.find(caller, new ExecutionId(executionId));
        SignalReceipt receipt = delivery.deliver(new SignalDelivery.Signal(execution.executionId(),
                RuntimeCommands.tenantOf(caller), new UserId(caller.userId()), execution.sessionId(), request.name(),
                request.payload(), request.idempotencyKey()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("execution_id", execution.executionId().toString());
        body.put("signal", request.name());
        body.put("status", receipt.outcome().name().toLowerCase(Locale.ROOT));
        body.put("step", receipt.stepName());
        body.put("repeated", receipt.repeated());
        return ResponseEntity.accepted().body(body);
    }
}
