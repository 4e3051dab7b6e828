package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts the step plan of an execution; the first step starts with it.
 */
public record StartSagaCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        List<PlannedStep> steps,
        RetryPolicy retryPolicy) {
}
