package io.symphainy.runtime.core.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.junit.jupiter.api.Test;

/**
 * The shared read-model processor's view of the store: a wait that ends with an event lingers; a read of events
 * already there does not.
 */
class LingeringEventSourceTest {

    private static final Duration LINGER = Duration.ofMillis(300);

    private final QueueSource store = new QueueSource();

    @Test
    void aWaitThatEndsWithAnEventLingersBeforeItAnswers() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = new LingeringEventSource(store, LINGER).openStream(null);
        new Thread(() -> {
            sleep(50);
            store.events.add(event(1));
        }).start();
        long started = System.nanoTime();

        boolean available = stream.hasNextAvailable(5, TimeUnit.SECONDS);

        assertThat(available).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LINGER);
        assertThat(stream.nextAvailable().trackingToken()).isEqualTo(new GlobalSequenceTrackingToken(1));
    }

    @Test
    void eventsAlreadyThereAreReadWithoutLingering() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = new LingeringEventSource(store, Duration.ofSeconds(30))
                .openStream(null);
        store.events.add(event(1));
        store.events.add(event(2));
        long started = System.nanoTime();

        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
        stream.nextAvailable();
        assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(stream.peek()).hasValueSatisfying(next -> assertThat(next.trackingToken())
                .isEqualTo(new GlobalSequenceTrackingToken(2)));
    }

    @Test
    void aWaitWithoutAnEventAnswersFalseAtItsTimeout() throws InterruptedException {
        BlockingStream<TrackedEventMessage<?>> stream = new LingeringEventSource(store, LINGER).openStream(null);

        assertThat(stream.hasNextAvailable(20, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void noLingerHandsOutTheStoresOwnStream() {
        assertThat(new LingeringEventSource(store, Duration.ZERO).openStream(null)).isSameAs(store.stream);
    }

    private static TrackedEventMessage<?> event(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A store whose one stream hands out what the test puts in its queue. */
    private static final class QueueSource implements StreamableMessageSource<TrackedEventMessage<?>> {

        final BlockingQueue<TrackedEventMessage<?>> events = new LinkedBlockingQueue<>();
        final BlockingStream<TrackedEventMessage<?>> stream = new BlockingStream<>() {
            @Override
            public Optional<TrackedEventMessage<?>> peek() {
                return Optional.ofNullable(events.peek());
            }

            @Override
            public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
                long deadline = System.nanoTime() + unit.toNanos(timeout);
                while (events.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                return !events.isEmpty();
            }

            @Override
            public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
                return events.take();
            }

            @Override
            public void close() {
            }
        };

        @Override
        public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
            return stream;
        }

        @Override
        public TrackingToken createTailToken() {
            return null;
        }

        @Override
        public TrackingToken createHeadToken() {
            return new GlobalSequenceTrackingToken(events.size());
        }

        @Override
        public TrackingToken createTokenAt(Instant dateTime) {
            return null;
        }
    }
}
