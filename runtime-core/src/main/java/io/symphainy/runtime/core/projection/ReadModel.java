package io.symphainy.runtime.core.projection;

/**
 * A read model the shared {@link ReadModelProcessor} keeps: the processing group of its handlers, which is also its
 * name wherever operators see it, and whether an operator may rebuild it from the event store. A feature declares each
 * of its read models as a bean; the processor takes every one it finds.
 *
 * @param name        the processing group of the read model's event handlers
 * @param rebuildable whether its reset handler clears everything it builds, so that it may be replayed on its own
 */
public record ReadModel(String name, boolean rebuildable) {

    /** A read model that may be rebuilt from the event store. */
    public static ReadModel rebuildable(String name) {
        return new ReadModel(name, true);
    }

    /** A read model whose handlers act on the world (send, count) and must never see an event twice. */
    public static ReadModel liveOnly(String name) {
        return new ReadModel(name, false);
    }
}
