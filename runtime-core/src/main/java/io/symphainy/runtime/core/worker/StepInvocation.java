package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;

/**
 * One attempt of one step, or of its compensation, handed to the worker after its start was recorded; it runs the
 * code of the capability version the execution was accepted with, never another.
 */
public record StepInvocation(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        String capabilityVersion,
        StepPhase phase,
        int stepIndex,
        int attempt) {

    /** The attempt of the same saga that a recorded command started. */
    public StepInvocation next(NextAttempt started) {
        return new StepInvocation(sagaId, executionId, tenantId, sessionId, started.capability(),
                started.capabilityVersion(), started.phase(), started.stepIndex(), started.attempt());
    }
}
