package io.symphainy.runtime.core.capability.spi;

import java.util.Map;

/**
 * What one completed step produced: references to artifacts and plain facts.
 */
public record StepOutputs(Map<String, String> references, Map<String, Object> facts) {

    public StepOutputs {
        references = references == null ? Map.of() : Map.copyOf(references);
        facts = facts == null ? Map.of() : Map.copyOf(facts);
    }
}
