package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.worker.StepInvocation;

/**
 * The execution a {@link SagaCoordinator} acts for, as its fields name it at the moment; built for each use and never
 * stored, so the coordinator's stored state keeps its shape.
 */
record CoordinatedExecution(ExecutionId executionId, SagaId sagaId, TenantId tenantId, SessionId sessionId) {

    /** The attempt of this execution's saga that runs the given step of the capability's version. */
    StepInvocation invocation(String capability, String version, StepPhase phase, int stepIndex, int attempt) {
        return new StepInvocation(sagaId, executionId, tenantId, sessionId, capability, version, phase, stepIndex,
                attempt);
    }

    /** The attempt a command of the coordinator started. */
    StepInvocation invocation(NextAttempt started) {
        return invocation(started.capability(), started.capabilityVersion(), started.phase(), started.stepIndex(),
                started.attempt());
    }
}
