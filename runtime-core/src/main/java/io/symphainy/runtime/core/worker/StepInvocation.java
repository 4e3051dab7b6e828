package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;

/**
 * One attempt of one step, or of its compensation, handed to the worker after its start was recorded.
 */
public record StepInvocation(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        StepPhase phase,
        int stepIndex,
        int attempt) {
}
