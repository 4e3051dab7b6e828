package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.config.ProcessorProperties;
import java.util.concurrent.Executors;
import org.axonframework.common.AxonTransientException;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How messages flow: metadata carried onto derived messages, pooled streaming processors for the coordinator and
 * every projection, and a command gateway that retries on optimistic-concurrency conflicts.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMessagingConfiguration {

    private static final int COMMAND_RETRIES = 3;
    private static final int COMMAND_RETRY_INTERVAL_MILLIS = 20;

    @Bean
    public CorrelationDataProvider runtimeCorrelation() {
        return new SimpleCorrelationDataProvider(MetaDataKeys.CORRELATED);
    }

    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .maxRetryCount(COMMAND_RETRIES)
                        .retryInterval(COMMAND_RETRY_INTERVAL_MILLIS)
                        .nonTransientFailurePredicate(failure -> !(failure instanceof AxonTransientException))
                        .build())
                .build();
    }

    @Bean
    public ConfigurerModule eventProcessing(ProcessorProperties properties) {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors((configuration, builder) -> builder
                        .initialSegmentCount(properties.segments())
                        .batchSize(properties.batchSize()))
                .registerDefaultSequencingPolicy(configuration -> new ExecutionSequencingPolicy())
                .registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
