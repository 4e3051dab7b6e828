package io.symphainy.runtime.core.projection;

import java.time.Duration;
import java.time.Instant;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store with each stream it opens wrapped in a stream that reads it differently; positions are the store's.
 */
abstract class StoreStreamWrapper implements StreamableMessageSource<TrackedEventMessage<?>> {

    private final StreamableMessageSource<TrackedEventMessage<?>> store;

    StoreStreamWrapper(StreamableMessageSource<TrackedEventMessage<?>> store) {
        this.store = store;
    }

    /** The stream handed to the processor in place of the store's own. */
    abstract BlockingStream<TrackedEventMessage<?>> wrap(BlockingStream<TrackedEventMessage<?>> stream);

    @Override
    public final BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return wrap(store.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return store.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return store.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return store.createTokenAt(dateTime);
    }

    @Override
    public TrackingToken createTokenSince(Duration duration) {
        return store.createTokenSince(duration);
    }
}
