package io.symphainy.runtime.core.worker;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.common.StorageMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a step's context from recorded events: the accepted intent and what earlier steps recorded, or what a
 * resumed execution took over from the execution it resumes (the same outputs, keyed the same way). The worker
 * feeds it the whole event stream before an attempt, or, for an attempt handed over straight after the commit that
 * started it, the same records it holds already; replay feeds it the events recorded before the attempt it runs
 * again.
 */
public final class StepContexts {

    private static final ObjectMapper STORAGE = StorageMapper.create();
    private static final TypeReference<Map<String, Object>> FACTS = new TypeReference<>() {
    };

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
                invocation.phase(), intent.payload(), intent.metadata(), outputs, intent.userId(),
                intent.policyDecision());
    }

    /**
     * The context of the next step's first attempt, from the context of the step that just succeeded and what the
     * saga recorded of that success: the same intent, and the earlier outputs plus this one.
     *
     * @param previous the context the succeeded attempt ran with
     * @param success  what the attempt produced, whose recording has committed
     */
    static StepContext following(StepContext previous, StepResult.Succeeded success, StepInvocation next,
                                 String stepName) {
        Map<String, StepOutputs> outputs = new LinkedHashMap<>(previous.outputs());
        outputs.put(previous.stepName(), asRecorded(success));
        return new StepContext(next.tenantId(), next.sessionId(), next.executionId(), previous.intentType(),
                next.capability(), stepName, next.stepIndex(), next.attempt(), next.phase(), previous.payload(),
                previous.metadata(), outputs, previous.submittedBy(), previous.policyDecision());
    }

    /** A success's outputs as a later step reads them back from the event store: facts through the stored JSON. */
    static StepOutputs asRecorded(StepResult.Succeeded success) {
        try {
            return new StepOutputs(success.references(),
                    STORAGE.readValue(STORAGE.writeValueAsBytes(success.facts()), FACTS));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back the facts of a step", e);
        }
    }
}
