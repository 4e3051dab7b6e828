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
 * @param keptSignals the signals the execution kept before its saga started, which the saga holds from now on for
 *                    their wait steps; empty for none (and in events recorded before such signals were kept)
 */
public record SagaStartedEvent(
        SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        List<PlannedStep> steps,
        RetryPolicy retryPolicy,
        String capabilityVersion,
        List<KeptSignal> keptSignals) implements ExecutionScoped {

    public SagaStartedEvent {
        keptSignals = keptSignals == null ? List.of() : List.copyOf(keptSignals);
    }

    /** A start with no signal kept before it. */
    public SagaStartedEvent(SagaId sagaId, ExecutionId executionId, TenantId tenantId, SessionId sessionId,
                            String capability, List<PlannedStep> steps, RetryPolicy retryPolicy,
                            String capabilityVersion) {
        this(sagaId, executionId, tenantId, sessionId, capability, steps, retryPolicy, capabilityVersion, List.of());
    }

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
