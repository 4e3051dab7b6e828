package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.ExecutionMetaData;
import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;

/**
 * What a saga records when it starts: its plan (with the signals its execution kept before the start), the outputs a
 * resumed execution takes over, the deliveries of kept signals to the wait steps it starts with, and its first step to
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
                command.capabilityVersion(), command.keptSignals());
        AggregateLifecycle.apply(started, filing);
        Map<String, String> references = new LinkedHashMap<>();
        for (ReusedStep reused : command.reusedSteps()) {
            AggregateLifecycle.apply(new StepOutputReusedEvent(command.sagaId(), command.executionId(),
                    command.tenantId(), reused.stepIndex(), reused.stepName(), reused.recordedBy(),
                    reused.references(), reused.facts()), filing);
            references.putAll(reused.references());
        }
        int first = firstOpenStep(command.steps(), command.reusedSteps().size(), command.keptSignals());
        for (int position = command.reusedSteps().size(); position < first; position++) {
            deliverKept(started, keptFor(command.keptSignals(), command.steps().get(position)), filing);
        }
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

    /**
     * The step a saga starts in: the first after the reused ones that is not a wait step completed at once by a
     * signal kept for it; the plan's size when none is left.
     */
    static int firstOpenStep(List<PlannedStep> steps, int reused, List<KeptSignal> keptSignals) {
        int first = reused;
        while (first < steps.size() && steps.get(first).waitsForSignal()
                && keptFor(keptSignals, steps.get(first)) != null) {
            first++;
        }
        return first;
    }

    /** A kept signal completes its wait step's first attempt at once: its delivery, then the step's success. */
    private static void deliverKept(SagaStartedEvent started, KeptSignal kept, MetaData filing) {
        AggregateLifecycle.apply(new SignalDeliveredEvent(started.sagaId(), started.executionId(),
                started.tenantId(), kept.stepIndex(), kept.stepName(), 1, kept.signal(), kept.payload(),
                kept.idempotencyKey()), filing);
        AggregateLifecycle.apply(new StepSucceededEvent(started.sagaId(), started.executionId(), started.tenantId(),
                kept.stepIndex(), kept.stepName(), 1, Map.of(), kept.payload(), 0), filing);
    }

    private static KeptSignal keptFor(List<KeptSignal> keptSignals, PlannedStep step) {
        return keptSignals.stream().filter(kept -> kept.stepIndex() == step.index()).findFirst().orElse(null);
    }
}
