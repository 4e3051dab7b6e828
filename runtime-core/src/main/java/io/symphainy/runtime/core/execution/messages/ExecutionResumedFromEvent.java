package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import java.util.List;

/**
 * This execution resumes an earlier, failed or compensated, execution of the same intent: it reuses the recorded
 * outputs of the listed steps and starts at the first step after them. Recorded right after the intake's decision.
 *
 * @param capabilityVersion the capability version the resumption runs (the resumed execution's unless the operator
 *                          named another); {@code null} in events recorded before versions existed
 */
public record ExecutionResumedFromEvent(
        ExecutionId executionId,
        TenantId tenantId,
        ExecutionId resumedFrom,
        UserId requestedBy,
        List<ReusedStep> reusedSteps,
        String capabilityVersion) implements ExecutionScoped {

    /** A resumption recorded before versions existed. */
    public ExecutionResumedFromEvent(ExecutionId executionId, TenantId tenantId, ExecutionId resumedFrom,
                                     UserId requestedBy, List<ReusedStep> reusedSteps) {
        this(executionId, tenantId, resumedFrom, requestedBy, reusedSteps, null);
    }
}
