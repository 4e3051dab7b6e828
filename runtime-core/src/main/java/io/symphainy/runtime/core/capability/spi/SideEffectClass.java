package io.symphainy.runtime.core.capability.spi;

/**
 * What running a step does to the world outside the runtime; it decides what replay may run again.
 */
public enum SideEffectClass {
    /** Computes from its inputs only; running it again is always safe. */
    PURE,
    /** Touches the outside world, but running it again with the same inputs changes nothing more. */
    IDEMPOTENT,
    /** Changes the outside world and has a compensation that undoes the change. */
    COMPENSATABLE,
    /** Changes the outside world in a way that must never be repeated (a payment, an e-mail). */
    NON_REPEATABLE
}
