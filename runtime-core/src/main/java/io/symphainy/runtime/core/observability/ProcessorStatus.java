package io.symphainy.runtime.core.observability;

/**
 * How one event processor of this node is doing.
 *
 * @param name      the processor's name (its processing group)
 * @param streaming whether it follows the event store with tokens (tracking); subscribing ones have no position
 * @param running   whether it runs
 * @param error     whether one of its segments is in error and backing off
 * @param segments  how many segments this node has claimed
 * @param position  the lowest position of its claimed segments; {@code null} when it has none yet
 * @param lag       events between {@code position} and the event store's head; {@code null} when unknown
 */
public record ProcessorStatus(String name, boolean streaming, boolean running, boolean error, int segments,
                              Long position, Long lag) {

    /** Running and not in error. */
    public boolean healthy() {
        return running && !error;
    }
}
