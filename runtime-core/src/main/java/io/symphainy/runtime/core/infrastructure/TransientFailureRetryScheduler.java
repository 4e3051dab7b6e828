package io.symphainy.runtime.core.infrastructure;

import org.axonframework.common.AxonTransientException;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;

/**
 * Retries a command whose failure is transient, judged by the failure itself rather than by its causes.
 *
 * <p>Axon's scheduler treats a failure as permanent when any exception in its cause chain is; a concurrency
 * conflict on append (a {@link org.axonframework.modelling.command.ConcurrencyException}, transient) always carries
 * the driver's unique-violation exception as its cause, so it would never be retried. Here the outermost
 * exception decides.
 */
public class TransientFailureRetryScheduler extends IntervalRetryScheduler {

    /** A scheduler with the retry count, interval and executor of the given builder. */
    public TransientFailureRetryScheduler(IntervalRetryScheduler.Builder builder) {
        super(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !(failure instanceof AxonTransientException);
    }
}
