package io.symphainy.runtime.core.capability.spi;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a step may read, rebuilt by the runtime from the event store before each attempt.
 *
 * @param outputs what each step that already completed produced, keyed by step name
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
        Map<String, StepOutputs> outputs) {

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

    /** What this context's own step produced; a compensation reads it to know what to undo. */
    public StepOutputs ownOutputs() {
        return outputs.getOrDefault(stepName, new StepOutputs(Map.of(), Map.of()));
    }
}
