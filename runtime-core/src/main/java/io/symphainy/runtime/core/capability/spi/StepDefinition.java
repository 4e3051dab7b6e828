package io.symphainy.runtime.core.capability.spi;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a capability: its action, its side-effect class, an optional compensation and an optional timeout; or
 * a wait for a signal from outside ({@link #awaitSignal}).
 *
 * @param timeout    how long one attempt may run before it is cut off; {@code null} takes the runtime's default
 * @param signalWait what the step waits for, when it is a wait step; {@code null} for a step that runs
 */
public record StepDefinition(
        String name,
        SideEffectClass sideEffect,
        Step action,
        Step compensation,
        Duration timeout,
        SignalWait signalWait) {

    public StepDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sideEffect, "sideEffect");
        Objects.requireNonNull(action, "action");
    }

    /** A step that runs its action. */
    public StepDefinition(String name, SideEffectClass sideEffect, Step action, Step compensation, Duration timeout) {
        this(name, sideEffect, action, compensation, timeout, null);
    }

    /** A step without compensation, using the runtime's default timeout. */
    public static StepDefinition of(String name, SideEffectClass sideEffect, Step action) {
        return new StepDefinition(name, sideEffect, action, null, null);
    }

    /**
     * A step that waits for a signal: it holds no thread, completes when the signal is delivered (its payload is the
     * step's output, which later steps read as this step's facts) and fails when the wait's timeout passes.
     */
    public static StepDefinition awaitSignal(String name, SignalWait wait) {
        Objects.requireNonNull(wait, "wait");
        return new StepDefinition(name, SideEffectClass.PURE, new SignalWaitStep(), null, null, wait);
    }

    /** The same step, undone by the given compensation when a later step fails for good. */
    public StepDefinition compensatedBy(Step compensation) {
        return new StepDefinition(name, sideEffect, action, compensation, timeout, signalWait);
    }

    /** The same step, cut off after the given time. */
    public StepDefinition withTimeout(Duration stepTimeout) {
        return new StepDefinition(name, sideEffect, action, compensation, stepTimeout, signalWait);
    }

    /** Whether a compensation exists for this step. */
    public boolean compensable() {
        return compensation != null;
    }

    /** Whether this step waits for a signal instead of running. */
    public boolean waitsForSignal() {
        return signalWait != null;
    }
}
