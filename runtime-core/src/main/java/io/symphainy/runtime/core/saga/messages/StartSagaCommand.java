package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Starts the step plan of an execution; its first step that is not reused (nor completed by a kept signal) starts
 * with it.
 *
 * @param reusedSteps the leading steps whose recorded outputs a resumed execution takes over; empty otherwise
 * @param capabilityVersion the version of the capability whose plan it is
 * @param keptSignals the signals the execution kept for wait steps before its saga started; empty for none
 */
public record StartSagaCommand(
        @TargetAggregateIdentifier SagaId sagaId,
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String capability,
        List<PlannedStep> steps,
        RetryPolicy retryPolicy,
        List<ReusedStep> reusedSteps,
        String capabilityVersion,
        List<KeptSignal> keptSignals) {

    public StartSagaCommand {
        reusedSteps = reusedSteps == null ? List.of() : List.copyOf(reusedSteps);
        keptSignals = keptSignals == null ? List.of() : List.copyOf(keptSignals);
    }

    /** Starts the plan of the capability's given version after the reused steps, with no signal kept. */
    public StartSagaCommand(SagaId sagaId, ExecutionId executionId, TenantId tenantId, SessionId sessionId,
                            String capability, List<PlannedStep> steps, RetryPolicy retryPolicy,
                            List<ReusedStep> reusedSteps, String capabilityVersion) {
        this(sagaId, executionId, tenantId, sessionId, capability, steps, retryPolicy, reusedSteps, capabilityVersion,
                List.of());
    }

    /** Starts the plan of the capability's given version from its first step. */
    public StartSagaCommand(SagaId sagaId, ExecutionId executionId, TenantId tenantId, SessionId sessionId,
                            String capability, List<PlannedStep> steps, RetryPolicy retryPolicy,
                            String capabilityVersion) {
        this(sagaId, executionId, tenantId, sessionId, capability, steps, retryPolicy, List.of(), capabilityVersion);
    }
}
