package io.symphainy.runtime.core.state.messages;

import java.time.Instant;
import java.util.Map;

/**
 * The live state of one step of an execution: its attempts, last error and compensation.
 */
public record StepStateView(
        int index,
        String name,
        String sideEffect,
        boolean compensable,
        String status,
        int attempts,
        String lastErrorCode,
        String lastErrorMessage,
        Instant nextRetryAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        Map<String, String> references,
        Map<String, Object> facts,
        CompensationView compensation) {
}
