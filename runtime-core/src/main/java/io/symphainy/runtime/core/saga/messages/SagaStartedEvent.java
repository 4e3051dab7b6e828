package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;

/**
 * An execution's step plan was fixed and started.
 */
public record SagaStartedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        List<PlannedStep> steps,
        RetryPolicy retryPolicy) implements ExecutionScoped {
}
