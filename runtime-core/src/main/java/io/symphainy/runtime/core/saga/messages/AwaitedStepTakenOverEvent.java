package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * A node that has the awaited capability version took the waiting attempt over and runs it now; the attempt keeps its
 * number, and its timeout counts from here.
 */
public record AwaitedStepTakenOverEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        String stepName,
        int attempt,
        String capability,
        String capabilityVersion) implements ExecutionScoped {
}
