package io.symphainy.runtime.core.replay.messages;

import java.util.Map;

/**
 * What one attempt of a step produced, recorded or computed again.
 */
public record StepOutcome(
        boolean succeeded,
        Map<String, String> references,
        Map<String, Object> facts,
        String errorCode,
        String errorMessage) {

    /** A success with the given outputs. */
    public static StepOutcome success(Map<String, String> references, Map<String, Object> facts) {
        return new StepOutcome(true, references, facts, null, null);
    }

    /** A failure with the given code. */
    public static StepOutcome failure(String code, String message) {
        return new StepOutcome(false, null, null, code, message);
    }
}
