package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The recorded output of a step that a resumed execution takes over instead of running the step again.
 *
 * @param recordedBy the execution whose record the output was taken from (the one resumed)
 */
public record ReusedStep(
        ExecutionId recordedBy,
        int stepIndex,
        String stepName,
        Map<String, String> references,
        Map<String, Object> facts) {

    public ReusedStep {
        references = references == null ? Map.of() : Map.copyOf(references);
        facts = facts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
