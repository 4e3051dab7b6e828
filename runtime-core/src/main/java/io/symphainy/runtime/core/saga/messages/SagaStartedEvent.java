package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;

/**
 * An execution's step plan was fixed and started.
 *
 * @param capabilityVersion the version of the capability whose plan it is; every attempt runs that version's code.
 *                          {@code null} in events recorded before versions existed, which ran version
 *                          {@value CapabilityVersions#DEFAULT}
 */
public record SagaStartedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        List<PlannedStep> steps,
        RetryPolicy retryPolicy,
        String capabilityVersion) implements ExecutionScoped {

    /** A start recorded before versions existed. */
    public SagaStartedEvent(SagaId sagaId, ExecutionId executionId, TenantId tenantId, SessionId sessionId,
                            String capability, List<PlannedStep> steps, RetryPolicy retryPolicy) {
        this(sagaId, executionId, tenantId, sessionId, capability, steps, retryPolicy, null);
    }

    /** The version the saga runs: the recorded one, or the default for events from before versions. */
    public String runsVersion() {
        return CapabilityVersions.orDefault(capabilityVersion);
    }
}
