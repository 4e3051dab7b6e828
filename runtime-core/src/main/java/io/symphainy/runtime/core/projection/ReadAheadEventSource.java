package io.symphainy.runtime.core.projection;

import io.symphainy.runtime.core.common.DaemonThreads;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * The event store as a rebuild reads it: a thread of its own reads the stream ahead and deserializes each event while
 * the rebuild writes the batch before, so a rebuild waits for PostgreSQL on one side at a time instead of on both in
 * turn. At most {@code capacity} events are held ahead.
 */
final class ReadAheadEventSource extends StoreStreamWrapper {

    private final int capacity;

    ReadAheadEventSource(StreamableMessageSource<TrackedEventMessage<?>> store, int capacity) {
        super(store);
        this.capacity = capacity;
    }

    @Override
    BlockingStream<TrackedEventMessage<?>> wrap(BlockingStream<TrackedEventMessage<?>> stream) {
        return new ReadAhead(stream, capacity);
    }

    /** A stream whose next events another thread has read and deserialized already. */
    private static final class ReadAhead implements BlockingStream<TrackedEventMessage<?>> {

        private static final long READ_WAIT_MILLIS = 100;

        private final BlockingStream<TrackedEventMessage<?>> source;
        private final BlockingQueue<TrackedEventMessage<?>> ahead;
        private final Thread reader;
        private volatile boolean closed;
        private volatile RuntimeException failure;
        /** The next event, taken from the queue by a look or a wait; only the consuming thread touches it. */
        private TrackedEventMessage<?> next;

        ReadAhead(BlockingStream<TrackedEventMessage<?>> source, int capacity) {
            this.source = source;
            this.ahead = new ArrayBlockingQueue<>(Math.max(1, capacity));
            this.reader = DaemonThreads.named("rebuild-read-ahead-").newThread(this::readWhileOpen);
            this.reader.start();
        }

        private void readWhileOpen() {
            try {
                while (!closed) {
                    if (source.hasNextAvailable((int) READ_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                        TrackedEventMessage<?> event = source.nextAvailable();
                        event.getPayload();
                        event.getMetaData();
                        ahead.put(event);
                    }
                }
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure = e;
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            rethrowFailure();
            if (next == null) {
                next = ahead.poll();
            }
            return Optional.ofNullable(next);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            rethrowFailure();
            if (next == null) {
                next = ahead.poll(timeout, unit);
            }
            rethrowFailure();
            return next != null;
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (next == null) {
                rethrowFailure();
                next = ahead.poll(READ_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            }
            TrackedEventMessage<?> event = next;
            next = null;
            return event;
        }

        @Override
        public void close() {
            closed = true;
            reader.interrupt();
            source.close();
        }

        private void rethrowFailure() {
            RuntimeException failed = failure;
            if (failed != null) {
                throw failed;
            }
        }
    }
}
