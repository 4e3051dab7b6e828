package io.symphainy.runtime.core.saga.messages;

/**
 * The signal a planned wait step waits for.
 *
 * @param name             the signal's name, fixed for the execution when its saga started; {@code null} only in a
 *                         capability's plan before an execution's payload named it
 * @param timeoutRetryable whether the wait's timeout is a retryable failure
 */
public record PlannedSignal(String name, boolean timeoutRetryable) {
}
