package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;

/**
 * An execution completed; its result is the references its steps produced.
 */
public record ExecutionCompletedEvent(
        ExecutionId executionId,
        TenantId tenantId,
        Map<String, String> resultReferences) implements ExecutionScoped {
}
