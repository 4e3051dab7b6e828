package io.symphainy.runtime.core.saga.messages;

/**
 * The attempt that recording a command started in the same transaction, answered by the saga to whoever sent the
 * command, so that the sender runs it once the transaction has committed. Every attempt is started this way: the
 * sender of the command that started it is the one that runs it.
 *
 * @param phase      forward or compensation
 * @param stepIndex  the step's index in the plan
 * @param attempt    the attempt's number, from 1
 * @param capability the capability whose step it is
 * @param capabilityVersion the version of the capability the execution was accepted with, the only one it runs
 */
public record NextAttempt(StepPhase phase, int stepIndex, int attempt, String capability, String capabilityVersion) {
}
