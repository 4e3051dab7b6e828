package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepContext;

/**
 * Where an attempt's context comes from: the event store ({@link StepContextLoader}), or, for an attempt handed over
 * straight after the commit that started it, what the worker already holds of the same records.
 */
@FunctionalInterface
interface StepContextSource {

    /** The context of the given attempt of the named step. */
    StepContext contextOf(StepInvocation invocation, String stepName);
}
