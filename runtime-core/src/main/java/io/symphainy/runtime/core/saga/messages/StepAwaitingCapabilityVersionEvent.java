package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * A started attempt waits, without running, for a node that has its execution's capability version; no retry is
 * spent on the wait, and a node that has the version takes it over ({@link AwaitedStepTakenOverEvent}).
 */
public record StepAwaitingCapabilityVersionEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        StepPhase phase,
        int stepIndex,
        String stepName,
        int attempt,
        String capability,
        String capabilityVersion,
        String reason) implements ExecutionScoped {
}
