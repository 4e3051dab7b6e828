package io.symphainy.runtime.core.projection;

import io.symphainy.runtime.core.config.ProcessorProperties;
import java.time.Duration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The processor of its own that a rebuild replays the store with: placing its token at the start of the store while
 * the read model is cleared, building it, and waiting until it has claimed its segment; it shares the
 * read-model processor's token store and transactions ({@link ProjectionRebuilds} decides when).
 */
@Component
class RebuildProcessors {

    static final long POLL_MILLIS = 2;
    private static final Duration CLAIM_WAIT = Duration.ofSeconds(5);

    private final ObjectProvider<Configuration> axon;
    private final ProcessorProperties properties;

    RebuildProcessors(ObjectProvider<Configuration> axon, ProcessorProperties properties) {
        this.axon = axon;
        this.properties = properties;
    }

    /** In one transaction: clears what the read model built and places its rebuild's token at the store's start. */
    void resetAndPlace(String readModel, EventHandlerInvoker invoker) {
        inTransaction(() -> {
            invoker.performReset();
            tokenStore().initializeTokenSegments(RebuildMarkers.processorOf(readModel), 1,
                    axon.getObject().eventStore().createTailToken());
        });
    }

    /** Builds the processor that replays the store into the read model alone, in large batches. */
    TrackingEventProcessor build(ReadModel readModel, EventHandlerInvoker invoker) {
        Configuration configuration = axon.getObject();
        TrackingEventProcessor rebuild = TrackingEventProcessor.builder()
                .name(RebuildMarkers.processorOf(readModel.name()))
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(RollbackConfigurationType.ANY_THROWABLE)
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(new ReadAheadEventSource(configuration.eventStore(), 2 * properties.rebuildBatchSize()))
                .tokenStore(tokenStore())
                .transactionManager(transactions())
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(properties.rebuildBatchSize()))
                .build();
        return rebuild;
    }

    /** Runs the work in a transaction of the read-model processor. */
    void inTransaction(Runnable work) {
        transactions().executeInTransaction(work);
    }

    /** Waits, a few seconds at most, until the rebuild's processor has claimed its segment. */
    static void awaitClaim(TrackingEventProcessor rebuild) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (!holdsEverySegment(rebuild) && System.nanoTime() < deadline) {
            pause(POLL_MILLIS);
        }
    }

    /** Whether the processor has claimed its (only) segment. */
    static boolean holdsEverySegment(TrackingEventProcessor processor) {
        return processor.processingStatus().containsKey(0);
    }

    /** Sleeps between two looks at a rebuild. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a rebuild", e);
        }
    }

    private TokenStore tokenStore() {
        return axon.getObject().eventProcessingConfiguration().tokenStore(ReadModelProcessor.NAME);
    }

    private TransactionManager transactions() {
        return axon.getObject().eventProcessingConfiguration().transactionManager(ReadModelProcessor.NAME);
    }
}
