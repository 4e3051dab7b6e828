package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.SideEffectClass;

/**
 * One step of a saga's plan as it was fixed when the saga started.
 *
 * @param signal what the step waits for, when it is a wait step; {@code null} for a step the worker runs (and in
 *               plans recorded before waits existed)
 */
public record PlannedStep(int index, String name, SideEffectClass sideEffect, boolean compensable, long timeoutMillis,
                          PlannedSignal signal) {

    /** A step the worker runs. */
    public PlannedStep(int index, String name, SideEffectClass sideEffect, boolean compensable, long timeoutMillis) {
        this(index, name, sideEffect, compensable, timeoutMillis, null);
    }

    /** Whether the step waits for a signal instead of running. */
    public boolean waitsForSignal() {
        return signal != null;
    }

    /** The same step waiting for the given signal for the given time. */
    public PlannedStep waitingFor(PlannedSignal waitedFor, long waitMillis) {
        return new PlannedStep(index, name, sideEffect, compensable, waitMillis, waitedFor);
    }
}
