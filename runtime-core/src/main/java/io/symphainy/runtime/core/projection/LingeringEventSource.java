package io.symphainy.runtime.core.projection;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as the shared read-model processor reads it: once an event is available after a wait, the stream
 * lingers a moment before it says so, so the batch that follows holds what was recorded meanwhile. A commit then no
 * longer wakes the read models in the middle of the execution that made it (on a small node they compete with its next
 * step for the same cores), and a busy node writes fewer, larger batches. A processor that is behind reads on without
 * lingering: only a wait for the next event is followed by the pause.
 */
final class LingeringEventSource extends StoreStreamWrapper {

    private final Duration linger;

    LingeringEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, Duration linger) {
        super(store);
        this.linger = linger;
    }

    @Override
    BlockingStream<TrackedEventMessage<?>> wrap(BlockingStream<TrackedEventMessage<?>> stream) {
        return linger.isZero() || linger.isNegative() ? stream : new Lingering(stream, linger.toMillis());
    }

    /** A stream whose waits for the next event end a moment after the event came. */
    private static final class Lingering implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final long lingerMillis;

        Lingering(BlockingStream<TrackedEventMessage<?>> source, long lingerMillis) {
            this.source = source;
            this.lingerMillis = lingerMillis;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return source.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            if (source.hasNextAvailable()) {
                return true;
            }
            if (!source.hasNextAvailable(timeout, unit)) {
                return false;
            }
            Thread.sleep(lingerMillis);
            return true;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return source.nextAvailable();
        }

        @Override
        public void close() {
            source.close();
        }

        @Override
        public boolean hasNextAvailable() {
            return source.hasNextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            source.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            return source.setOnAvailableCallback(callback);
        }
    }
}
