package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Ends a held execution whose approval deadline passed; an execution decided on in the meantime ignores it.
 */
public record ExpireExecutionCommand(@TargetAggregateIdentifier ExecutionId executionId, TenantId tenantId) {
}
