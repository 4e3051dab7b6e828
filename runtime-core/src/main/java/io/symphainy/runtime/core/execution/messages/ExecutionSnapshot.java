package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;

/**
 * What an {@code Execution} aggregate holds, read back after folding its events; replay compares it with the State
 * Surface.
 */
public record ExecutionSnapshot(
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        ExecutionStatus status,
        Map<String, String> resultReferences) {

    public ExecutionSnapshot {
        resultReferences = resultReferences == null ? Map.of() : Map.copyOf(resultReferences);
    }
}
