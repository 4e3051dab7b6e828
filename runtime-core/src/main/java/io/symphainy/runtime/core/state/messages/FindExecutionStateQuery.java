package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * Asks the State Surface for one execution of a tenant; answered with an {@link ExecutionStateView}, or nothing.
 */
public record FindExecutionStateQuery(TenantId tenantId, ExecutionId executionId) {
}
