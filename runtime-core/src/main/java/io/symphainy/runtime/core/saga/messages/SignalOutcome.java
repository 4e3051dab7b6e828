package io.symphainy.runtime.core.saga.messages;

/**
 * What became of a delivered signal.
 */
public enum SignalOutcome {
    /** The step waiting for it received it and completed. */
    DELIVERED,
    /** No step waited for it yet; it is kept for the step that will. */
    KEPT
}
