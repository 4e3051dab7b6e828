package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.config.NodeProperties;
import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.saga.SagaCoordinator;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How messages flow: metadata carried onto derived messages, tracking processors, and a command gateway that retries
 * on optimistic-concurrency conflicts.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    private static final int COMMAND_RETRIES = 3;
    private static final int COMMAND_RETRY_INTERVAL_MILLIS = 20;

    @Bean
    public CorrelationDataProvider runtimeCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.CORRELATED);
    }

    /** Events make a transaction wait for the disk, whatever its processor ({@link DeferredFlushTransactionManager}). */
    @Bean
    public ConfigurerModule eventsFlushOnCommit() {
        return configurer -> configurer.onInitialize(configuration -> configuration.onStart(Integer.MIN_VALUE,
                () -> configuration.eventBus().registerDispatchInterceptor(
                        DeferredFlushTransactionManager.eventsFlushOnCommit())));
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(new TransientFailureRetryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .maxRetryCount(COMMAND_RETRIES)
                        .retryInterval(COMMAND_RETRY_INTERVAL_MILLIS)))
                .build();
    }

    /**
     * Tracking processors, one thread per segment: they block on the event store's stream and wake as soon as a
     * local commit publishes events. The coordinator starts at the head of the store the first time it runs, so that a
     * new processor never replays history into new sagas. The read models have a processor of their own
     * ({@link io.symphainy.runtime.core.projection.ReadModelProcessor}).
     */
    @Bean
    public ConfigurerModule eventProcessing(ProcessorProperties properties, NodeProperties nodes,
                                            StoredSegments stored, TransactionManager transactions,
                                            JdbcTemplate jdbc) {
        return configurer -> configurer.eventProcessing()
                .usingTrackingEventProcessors()
                .registerTransactionManager(SagaCoordinator.PROCESSING_GROUP,
                        configuration -> new DeferredFlushTransactionManager(transactions, jdbc))
                .registerTrackingEventProcessorConfiguration(configuration -> processors(properties, nodes, stored))
                .registerTrackingEventProcessorConfiguration(SagaCoordinator.PROCESSING_GROUP,
                        configuration -> processors(properties, nodes, stored)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerDefaultSequencingPolicy(configuration -> new ExecutionSequencingPolicy())
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /**
     * A new processor gets the configured segments; every processor may run a thread for each segment it may come to
     * hold (threads start only for the segments it claims), and looks for unclaimed segments every claim interval.
     */
    public static TrackingEventProcessorConfiguration processors(ProcessorProperties properties,
                                                                 NodeProperties nodes, StoredSegments stored) {
        return TrackingEventProcessorConfiguration
                .forParallelProcessing(Math.max(stored.threadsPerProcessor(), nodes.maxSegments()))
                .andInitialSegmentsCount(properties.segments())
                .andTokenClaimInterval(nodes.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                .andBatchSize(properties.batchSize());
    }
}
