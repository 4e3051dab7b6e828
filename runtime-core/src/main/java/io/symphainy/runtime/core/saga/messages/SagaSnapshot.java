package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.List;
import java.util.Map;

/**
 * What a {@code Saga} aggregate holds, read back after folding its events; replay compares it with the State
 * Surface.
 *
 * @param references every reference the completed steps produced
 */
public record SagaSnapshot(
        SagaId sagaId,
        ExecutionId executionId,
        String capability,
        boolean finished,
        List<StepSnapshot> steps,
        Map<String, String> references) {

    public SagaSnapshot {
        steps = List.copyOf(steps);
        references = Map.copyOf(references);
    }
}
