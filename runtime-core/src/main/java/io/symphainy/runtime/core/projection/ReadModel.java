package io.symphainy.runtime.core.projection;

/**
 * A read model the runtime keeps from its events: the processing group of its handlers, which is also its name wherever
 * operators see it, how it is fed, and whether an operator may rebuild it from the event store. A feature declares each
 * of its read models as a bean; the read-model processors take every one they find.
 *
 * @param name        the processing group of the read model's event handlers
 * @param feed        how its events reach it
 * @param rebuildable whether its reset handler clears everything it builds, so that it may be replayed on its own
 */
public record ReadModel(String name, Feed feed, boolean rebuildable) {

    /** How a read model's events reach it. */
    public enum Feed {
        /**
         * By the shared tracking processor ({@link ReadModelProcessor}), in batches after the events committed: in
         * commit order, a few milliseconds behind.
         */
        TRACKING,
        /**
         * In the unit of work that records the events, before it commits ({@link StateSurfaceProcessor}): the read
         * model shows an event as soon as it is committed, at the cost of its writes on the recording transaction.
         */
        IN_TRANSACTION
    }

    /** A read model of the shared tracking processor that may be rebuilt from the event store. */
    public static ReadModel rebuildable(String name) {
        return new ReadModel(name, Feed.TRACKING, true);
    }

    /** A read model written in the recording transaction, that may be rebuilt from the event store. */
    public static ReadModel inTransaction(String name) {
        return new ReadModel(name, Feed.IN_TRANSACTION, true);
    }

    /** A read model whose handlers act on the world (send, count) and must never see an event twice. */
    public static ReadModel liveOnly(String name) {
        return new ReadModel(name, Feed.TRACKING, false);
    }

    /** The processor that feeds it while it is live. */
    public String processor() {
        return feed == Feed.TRACKING ? ReadModelProcessor.NAME : StateSurfaceProcessor.NAME;
    }
}
