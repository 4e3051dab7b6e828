package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.SessionStateProjection;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.queryhandling.QueryBus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires meters and log context into Axon: the metrics processor (one segment, starting at the store's head, so a
 * new deployment never counts history), counters around the State Surface projections and queries, and the log
 * context around every message handler.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
public class ObservabilityConfiguration {

    @Bean
    public ConfigurerModule observabilityProcessing(ProcessorProperties properties,
                                                    ObjectProvider<RuntimeMeters> meters) {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessorConfiguration(RuntimeMetricsProjection.PROCESSING_GROUP,
                        configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialSegmentsCount(1)
                                .andBatchSize(properties.batchSize())
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                .registerHandlerInterceptor(ExecutionStateProjection.PROCESSING_GROUP,
                        configuration -> StateSurfaceMeters.writes(meters.getObject(),
                                ExecutionStateProjection.PROCESSING_GROUP))
                .registerHandlerInterceptor(SessionStateProjection.PROCESSING_GROUP,
                        configuration -> StateSurfaceMeters.writes(meters.getObject(),
                                SessionStateProjection.PROCESSING_GROUP))
                .registerDefaultHandlerInterceptor((configuration, processor) -> new LogContextInterceptor());
    }

    /** Buses exist once every singleton does; their interceptors are added then. */
    @Bean
    public SmartInitializingSingleton observabilityInterceptors(ObjectProvider<CommandBus> commandBus,
                                                                ObjectProvider<QueryBus> queryBus,
                                                                ObjectProvider<RuntimeMeters> meters) {
        return () -> {
            LogContextInterceptor logContext = new LogContextInterceptor();
            commandBus.ifAvailable(bus -> bus.registerHandlerInterceptor(logContext));
            queryBus.ifAvailable(bus -> {
                bus.registerHandlerInterceptor(logContext);
                bus.registerHandlerInterceptor(StateSurfaceMeters.reads(meters.getObject()));
            });
        };
    }
}
