package io.symphainy.runtime.core.execution.messages;

import java.util.Locale;

/**
 * Where an execution stands in its lifecycle.
 */
public enum ExecutionStatus {
    ACCEPTED,
    AWAITING_APPROVAL,
    RUNNING,
    COMPLETED,
    FAILED,
    COMPENSATING,
    COMPENSATED,
    REJECTED,
    CANCELLED,
    EXPIRED;

    /** The lowercase name used on the wire and in read models. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether nothing more will happen to an execution in this status. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, FAILED, COMPENSATED, REJECTED, CANCELLED, EXPIRED -> true;
            default -> false;
        };
    }
}
