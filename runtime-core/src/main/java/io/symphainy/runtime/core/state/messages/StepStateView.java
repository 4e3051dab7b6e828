package io.symphainy.runtime.core.state.messages;

import java.time.Instant;
import java.util.Map;

/**
 * The live state of one step of an execution: its attempts, last error and compensation; for a wait step, the signal
 * it waits for (status {@code waiting}) or that completed it, and the wait's deadline while it waits.
 *
 * @param signal         the name of the signal a wait step waits for, or that completed it; {@code null} otherwise
 * @param signalDeadline when the wait under way times out; {@code null} when the step does not wait
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
        CompensationView compensation,
        String signal,
        Instant signalDeadline) {

    /** The state of a step that does not wait for a signal. */
    public StepStateView(int index, String name, String sideEffect, boolean compensable, String status, int attempts,
                         String lastErrorCode, String lastErrorMessage, Instant nextRetryAt, Instant startedAt,
                         Instant finishedAt, Long durationMs, Map<String, String> references,
                         Map<String, Object> facts, CompensationView compensation) {
        this(index, name, sideEffect, compensable, status, attempts, lastErrorCode, lastErrorMessage, nextRetryAt,
                startedAt, finishedAt, durationMs, references, facts, compensation, null, null);
    }
}
