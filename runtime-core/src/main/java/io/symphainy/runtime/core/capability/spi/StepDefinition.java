package io.symphainy.runtime.core.capability.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a capability: its action, its side-effect class, an optional compensation and an optional timeout.
 *
 * @param timeout how long one attempt may run before it is cut off; {@code null} takes the runtime's default
 */
public record StepDefinition(
        String name,
        SideEffectClass sideEffect,
        Step action,
        Step compensation,
        Duration timeout) {

    public StepDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sideEffect, "sideEffect");
        Objects.requireNonNull(action, "action");
    }

    /** A step without compensation, using the runtime's default timeout. */
    public static StepDefinition of(String name, SideEffectClass sideEffect, Step action) {
        return new StepDefinition(name, sideEffect, action, null, null);
    }

    /** The same step, undone by the given compensation when a later step fails for good. */
    public StepDefinition compensatedBy(Step compensation) {
        return new StepDefinition(name, sideEffect, action, compensation, timeout);
    }

    /** The same step, cut off after the given time. */
    public StepDefinition withTimeout(Duration stepTimeout) {
        return new StepDefinition(name, sideEffect, action, compensation, stepTimeout);
    }

    /** Whether a compensation exists for this step. */
    public boolean compensable() {
        return compensation != null;
    }
}
