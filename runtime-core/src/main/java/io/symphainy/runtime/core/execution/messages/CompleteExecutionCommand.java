package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Closes an execution whose steps all succeeded.
 */
public record CompleteExecutionCommand(
        @TargetAggregateIdentifier ExecutionId executionId,
        TenantId tenantId,
        Map<String, String> resultReferences) {
}
