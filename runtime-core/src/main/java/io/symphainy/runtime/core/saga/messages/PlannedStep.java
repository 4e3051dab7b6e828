package io.symphainy.runtime.core.saga.messages;

import io.symphainy.runtime.core.capability.spi.SideEffectClass;

/**
 * One step of a saga's plan as it was fixed when the saga started.
 */
public record PlannedStep(int index, String name, SideEffectClass sideEffect, boolean compensable, long timeoutMillis) {
}
