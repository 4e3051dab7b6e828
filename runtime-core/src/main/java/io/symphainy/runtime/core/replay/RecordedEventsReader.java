package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Reads an execution's and its saga's event streams from the event store, the two at the same time: the saga's on a
 * reader thread while the caller reads the execution's, so a replay waits for one round trip to the store instead
 * of two. When every reader thread is busy the caller reads both itself, one after the other.
 */
@Component
class RecordedEventsReader implements DisposableBean {

    private static final int READER_THREADS = 4;

    private final EventStore eventStore;
    private final ThreadPoolExecutor readers = new ThreadPoolExecutor(0, READER_THREADS, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), DaemonThreads.named("replay-read-"), new ThreadPoolExecutor.CallerRunsPolicy());

    RecordedEventsReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The execution's events and its saga's, as the event store holds them. */
    RecordedEvents read(ExecutionId executionId) {
        CompletableFuture<List<DomainEventMessage<?>>> saga = CompletableFuture.supplyAsync(
                () -> stream(SagaId.forExecution(executionId).toString()), readers);
        List<DomainEventMessage<?>> execution = stream(executionId.toString());
        try {
            return RecordedEvents.of(execution, saga.join());
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    private List<DomainEventMessage<?>> stream(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0).asStream()
                .<DomainEventMessage<?>>map(event -> event).toList();
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
