package io.symphainy.runtime.core.replay.messages;

import java.util.Locale;
import java.util.Optional;

/**
 * What a replay does with an execution's recorded events.
 */
public enum ReplayMode {
    /** Lists the execution's and its saga's events straight from the event store. */
    EVENTS_ONLY,
    /** Folds the events with the aggregates' own handlers and compares the result with the State Surface. */
    STATE_ONLY,
    /** Runs PURE and IDEMPOTENT steps again with their recorded inputs and compares their outputs. */
    FULL;

    /** The lower-case name used on the wire, e.g. {@code events_only}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode with the given wire name. */
    public static Optional<ReplayMode> fromWireName(String wireName) {
        for (ReplayMode mode : values()) {
            if (mode.wireName().equals(wireName)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
