package io.symphainy.runtime.core.saga.messages;

/**
 * Whether an attempt moves the plan forward or undoes a completed step.
 */
public enum StepPhase {
    /** The step's own action. */
    FORWARD,
    /** The step's compensation, run after a later step failed for good or the execution was cancelled. */
    COMPENSATION
}
