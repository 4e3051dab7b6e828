package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a step's context from recorded events: the accepted intent and what earlier steps recorded, or what a
 * resumed execution took over from the execution it resumes (the same outputs, keyed the same way). The worker
 * feeds it the whole event stream before an attempt; replay feeds it the events recorded before the attempt it runs
 * again.
 */
public final class StepContexts {

    private StepContexts() {
    }

    /**
     * The context of the given attempt of the named step.
     *
     * @param executionEvents the payloads of the execution's events
     * @param sagaEvents      the payloads of the saga's events the step may see
     */
    public static StepContext fromEvents(List<?> executionEvents, List<?> sagaEvents, StepInvocation invocation,
                                         String stepName) {
        IntentAcceptedEvent intent = executionEvents.stream()
                .filter(IntentAcceptedEvent.class::isInstance)
                .map(IntentAcceptedEvent.class::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("execution " + invocation.executionId()
                        + " has no accepted intent"));
        Map<String, StepOutputs> outputs = new LinkedHashMap<>();
        for (Object event : sagaEvents) {
            if (event instanceof StepSucceededEvent done) {
                outputs.put(done.stepName(), new StepOutputs(done.references(), done.facts()));
            } else if (event instanceof StepOutputReusedEvent reused) {
                outputs.put(reused.stepName(), new StepOutputs(reused.references(), reused.facts()));
            }
        }
        return new StepContext(invocation.tenantId(), invocation.sessionId(), invocation.executionId(),
                intent.intentType(), invocation.capability(), stepName, invocation.stepIndex(), invocation.attempt(),
                invocation.phase(), intent.payload(), intent.metadata(), outputs);
    }
}
