package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a saga records when it starts: its plan, the outputs a resumed execution takes over, and its first step to
 * run or wait in (or its completion, when nothing is left to run).
 *
 * <p>Reused outputs are recorded as events of the new saga, so a later step's context is rebuilt from this saga's own
 * events exactly as in a run that executed those steps itself.
 */
final class SagaOpening {

    private SagaOpening() {
    }

    /** Applies the opening events; called from the saga's creating command handler. */
    static void record(StartSagaCommand command) {
        // Events applied in a creating handler reach the event-sourcing handlers only after it returns: everything
        // here is read from the command, and the metadata is given explicitly.
        MetaData filing = ExecutionMetaData.of(command.sessionId(), command.executionId());
        SagaStartedEvent started = new SagaStartedEvent(command.sagaId(), command.executionId(), command.tenantId(),
                command.sessionId(), command.capability(), command.steps(), command.retryPolicy(),
                command.capabilityVersion());
        AggregateLifecycle.apply(started, filing);
        Map<String, String> references = new LinkedHashMap<>();
        for (ReusedStep reused : command.reusedSteps()) {
            AggregateLifecycle.apply(new StepOutputReusedEvent(command.sagaId(), command.executionId(),
                    command.tenantId(), reused.stepIndex(), reused.stepName(), reused.recordedBy(),
                    reused.references(), reused.facts()), filing);
            references.putAll(reused.references());
        }
        int first = command.reusedSteps().size();
        if (first < command.steps().size() && command.steps().get(first).waitsForSignal()) {
            AggregateLifecycle.apply(SagaSteps.waitOf(started, command.steps().get(first), 1), filing);
        } else if (first < command.steps().size()) {
            AggregateLifecycle.apply(new StepStartedEvent(command.sagaId(), command.executionId(), command.tenantId(),
                    first, command.steps().get(first).name(), 1), filing);
        } else {
            AggregateLifecycle.apply(new SagaCompletedEvent(command.sagaId(), command.executionId(),
                    command.tenantId(), Map.copyOf(references)), filing);
        }
    }
}
