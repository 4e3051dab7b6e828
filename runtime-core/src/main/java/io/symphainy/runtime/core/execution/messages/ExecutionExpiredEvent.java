package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * Nobody decided on a held execution before its approval deadline; it ends expired and nothing of it ran.
 */
public record ExecutionExpiredEvent(ExecutionId executionId, TenantId tenantId) implements ExecutionScoped {
}
