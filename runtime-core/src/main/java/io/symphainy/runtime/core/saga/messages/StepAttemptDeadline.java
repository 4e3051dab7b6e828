package io.symphainy.runtime.core.saga.messages;

/**
 * The payload of a saga's persistent deadlines: which attempt times out, or which attempt starts after a backoff.
 */
public record StepAttemptDeadline(StepPhase phase, int stepIndex, int attempt) {
}
