package io.symphainy.runtime.core.projection;

/**
 * A rebuild that was not started, and why; nothing was reset.
 */
public class RebuildRefusedException extends RuntimeException {

    /** Why a rebuild was refused. */
    public enum Reason {
        /** No read model has that name. */
        UNKNOWN,
        /** The read model acts on the world (sends, counts) and must never see an event twice. */
        NOT_REBUILDABLE,
        /** A rebuild of the read model is under way. */
        IN_PROGRESS,
        /** Another node runs the shared read-model processor: rebuilds start where it runs. */
        CLAIMED_ELSEWHERE
    }

    private final Reason reason;

    public RebuildRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
