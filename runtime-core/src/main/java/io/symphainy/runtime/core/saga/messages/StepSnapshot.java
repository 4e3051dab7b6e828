package io.symphainy.runtime.core.saga.messages;

/**
 * One step as a {@code Saga} aggregate knows it after folding its events, in the State Surface's vocabulary.
 *
 * @param status             {@code pending}, {@code running}, {@code succeeded}, {@code failed} or
 *                           {@code retry_scheduled}
 * @param compensationStatus {@code running}, {@code retry_scheduled}, {@code compensated}, {@code failed}, or null
 *                           when no compensation started
 */
public record StepSnapshot(int index, String name, String status, int attempts, String compensationStatus) {
}
