package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Stops a saga's forward progress; the steps it completed are compensated.
 */
public record AbortSagaCommand(@TargetAggregateIdentifier SagaId sagaId, TenantId tenantId, String reason) {
}
