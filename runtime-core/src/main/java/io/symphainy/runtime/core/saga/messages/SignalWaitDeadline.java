package io.symphainy.runtime.core.saga.messages;

/**
 * The payload of the persistent deadline that ends a wait step's attempt when no signal arrived in time.
 */
public record SignalWaitDeadline(int stepIndex, int attempt, String signal, boolean timeoutRetryable) {
}
