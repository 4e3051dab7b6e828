package io.symphainy.runtime.core.capability.spi;

import java.util.Map;
import java.util.Objects;

/**
 * What a step returns: the references and facts it produced, or a failure that says whether trying again may help.
 */
public sealed interface StepResult {

    /** A success with nothing to report. */
    static StepResult success() {
        return new Succeeded(Map.of(), Map.of());
    }

    /** A success with output references (artifact handles) and facts (small values worth recording). */
    static StepResult success(Map<String, String> references, Map<String, Object> facts) {
        return new Succeeded(references, facts);
    }

    /** A failure that another attempt may cure (a timeout, an unavailable dependency). */
    static StepResult retryableFailure(String code, String message) {
        return new Failed(code, message, true);
    }

    /** A failure that no further attempt can cure (invalid input, a corrupt file). */
    static StepResult permanentFailure(String code, String message) {
        return new Failed(code, message, false);
    }

    /** The step did its work. */
    record Succeeded(Map<String, String> references, Map<String, Object> facts) implements StepResult {
        public Succeeded {
            references = references == null ? Map.of() : Map.copyOf(references);
            facts = facts == null ? Map.of() : Map.copyOf(facts);
        }
    }

    /** The step could not do its work; {@code code} is a stable, upper-case error code. */
    record Failed(String code, String message, boolean retryable) implements StepResult {
        public Failed {
            Objects.requireNonNull(code, "code");
        }
    }
}
