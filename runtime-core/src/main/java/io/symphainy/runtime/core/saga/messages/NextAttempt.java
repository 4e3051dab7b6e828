package io.symphainy.runtime.core.saga.messages;

/**
 * The attempt that recording an outcome started in the same transaction, answered by the saga to the worker that
 * reported the outcome, so that the worker may run it at once.
 *
 * @param phase     forward or compensation
 * @param stepIndex the step's index in the plan
 * @param attempt   the attempt's number, from 1
 */
public record NextAttempt(StepPhase phase, int stepIndex, int attempt) {
}
