package io.symphainy.runtime.core.projection;

/**
 * The subscribing processor that keeps the read models written in the unit of work that records their events
 * ({@link ReadModel.Feed#IN_TRANSACTION}): its handlers run as the recording transaction prepares to commit, after the
 * events are appended, and their writes commit or roll back with the events. Built by {@link ReadModelProcessor}.
 */
public final class StateSurfaceProcessor {

    /** The processor's name, as its metrics name it. */
    public static final String NAME = "state-surface";

    private StateSurfaceProcessor() {
    }
}
