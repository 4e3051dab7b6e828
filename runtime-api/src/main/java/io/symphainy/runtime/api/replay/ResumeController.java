package io.symphainy.runtime.api.replay;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.intent.IntentController;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RecentWrites;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.resume.ExecutionResumer;
import io.symphainy.runtime.core.resume.messages.ResumeOutcome;
import io.symphainy.runtime.core.resume.messages.ResumeRequest;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators resume a failed or compensated execution: a new execution of the same intent that reuses the recorded
 * outputs of the leading steps that completed and were not compensated. The first resumption answers 202; repeating
 * it answers 200 with the same execution and {@code repeated: true}. A resumption the policy refuses answers like a
 * refused intent, naming the execution recorded for it. It runs the resumed execution's capability version unless the
 * body names another ({@code capability_version}); a version this node lacks answers 422 and records nothing.
 */
@RestController
public class ResumeController {

    private final ExecutionResumer resumer;
    private final RecentWrites recentWrites;

    ResumeController(ExecutionResumer resumer, RecentWrites recentWrites) {
        this.resumer = resumer;
        this.recentWrites = recentWrites;
    }

    @PostMapping("/execution/{execution_id}/resume")
    @PreAuthorize("hasRole('OPERATOR')")
    public ResponseEntity<ResumedExecutionResponse> resume(RuntimePrincipal caller,
                                                           @PathVariable("execution_id") UUID executionId,
                                                           @Valid @RequestBody(required = false)
                                                           ResumeExecutionRequest options) {
        ResumeRequest request = new ResumeRequest(new ExecutionId(executionId), RuntimeCommands.tenantOf(caller),
                new UserId(caller.userId()), IntentController.roleNames(caller),
                options == null ? null : options.capabilityVersion());
        ResumeOutcome outcome = resumer.resume(request).orElseThrow(() -> new ProblemException(
                ProblemCode.EXECUTION_NOT_FOUND, "execution " + executionId + " not found"));
        IntakeReceipt receipt = outcome.receipt();
        recentWrites.acknowledged(caller.tenantId(), receipt.executionId());
        if (receipt.rejected()) {
            throw IntentController.rejection(receipt);
        }
        ResumedExecutionResponse body = new ResumedExecutionResponse(receipt.executionId(), receipt.intentId(),
                receipt.status(), outcome.resumedFrom(), outcome.reusedSteps(), receipt.repeated());
        return ResponseEntity.status(receipt.repeated() ? 200 : 202)
                .location(URI.create("/execution/" + receipt.executionId() + "/status")).body(body);
    }
}
