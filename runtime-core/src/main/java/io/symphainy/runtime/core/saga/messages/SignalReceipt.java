package io.symphainy.runtime.core.saga.messages;

/**
 * The saga's answer to a {@link DeliverSignalCommand}: what became of the signal, and what the delivery started.
 *
 * @param stepName    the wait step the signal is for
 * @param nextAttempt the attempt the delivery started, for the sender to run after commit; {@code null} for none
 * @param completion  the saga's completion, when the delivery completed it; the sender closes the execution
 * @param repeated    whether this answers a repeat of an earlier delivery's idempotency key (nothing was recorded)
 */
public record SignalReceipt(SignalOutcome outcome, String stepName, NextAttempt nextAttempt, SagaCompletion completion,
                            boolean repeated) {
}
