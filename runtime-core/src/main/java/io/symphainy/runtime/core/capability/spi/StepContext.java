package io.symphainy.runtime.core.capability.spi;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a step may read, rebuilt by the runtime from the event store before each attempt.
 *
 * @param outputs        what each step that already completed produced, keyed by step name
 * @param submittedBy    the user whose intent this is; {@code null} when the context was built without it
 * @param policyDecision what the tenant's policy decided at acceptance (with the submitter's roles and any
 *                       obligations); {@code null} for executions recorded before policies existed
 */
public record StepContext(
        TenantId tenantId,
        SessionId sessionId,
        ExecutionId executionId,
        String intentType,
        String capability,
        String stepName,
        int stepIndex,
        int attempt,
        StepPhase phase,
        Map<String, Object> payload,
        Map<String, String> metadata,
        Map<String, StepOutputs> outputs,
        UserId submittedBy,
        PolicyDecision policyDecision) {

    /** A context without the submitter and the policy decision. */
    public StepContext(TenantId tenantId, SessionId sessionId, ExecutionId executionId, String intentType,
                       String capability, String stepName, int stepIndex, int attempt, StepPhase phase,
                       Map<String, Object> payload, Map<String, String> metadata, Map<String, StepOutputs> outputs) {
        this(tenantId, sessionId, executionId, intentType, capability, stepName, stepIndex, attempt, phase, payload,
                metadata, outputs, null, null);
    }

    public StepContext {
        payload = payload == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    /** A reference produced by any earlier step, looked up by its key. */
    public Optional<String> reference(String key) {
        return outputs.values().stream()
                .map(output -> output.references().get(key))
                .filter(java.util.Objects::nonNull)
                .reduce((first, later) -> later);
    }

    /** Whether the policy that accepted the intent laid the given obligation on it. */
    public boolean obliged(String obligation) {
        return policyDecision != null && policyDecision.obligations().contains(obligation);
    }

    /** What this context's own step produced; a compensation reads it to know what to undo. */
    public StepOutputs ownOutputs() {
        return outputs.getOrDefault(stepName, new StepOutputs(Map.of(), Map.of()));
    }
}
