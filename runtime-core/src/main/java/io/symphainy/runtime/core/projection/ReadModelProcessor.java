package io.symphainy.runtime.core.projection;

import io.symphainy.runtime.core.config.NodeProperties;
import io.symphainy.runtime.core.config.ProcessorProperties;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.DirectEventProcessingStrategy;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.springframework.context.annotation.Bean;

/**
 * The processors that keep the read models. The shared tracking processor ({@value #NAME}) keeps every read model fed
 * after commit: each batch of events is read and deserialized once, handed to the handlers of every live read model,
 * and written in one transaction with the processor's position. It runs one segment on one thread, so the read models
 * that hand out positions (the WAL view, the audit timeline) see events in commit order. The read models written in
 * the recording transaction (the State Surface) are kept by a subscribing processor ({@link StateSurfaceProcessor}).
 * Each read model stays its own processing group with its own reset handler, and is rebuilt on its own
 * ({@link ProjectionRebuilds}) while the others stay current.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelProcessor {

    /** The shared tracking processor's name, as its tokens and metrics name it. */
    public static final String NAME = "read-models";

    @Bean
    public ConfigurerModule readModelProcessing(List<ReadModel> readModels, ProcessorProperties properties,
                                                NodeProperties nodes, ProjectionSwitches switches,
                                                RebuildMarkers markers) {
        Map<String, String> processors = readModels.stream()
                .collect(Collectors.toMap(ReadModel::name, ReadModel::processor));
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.assignProcessingGroup(group -> processors.getOrDefault(group, group));
            // One segment each: no event needs a sequence identifier, so none is deserialized to compute one.
            processors.keySet().forEach(name -> processing.registerSequencingPolicy(name,
                    c -> new SequentialPolicy()));
            processing.registerEventProcessor(NAME, (name, configuration, invoker) -> tracking(name, configuration,
                    switches.wrap(name, invoker, markers.rebuilding()), properties, nodes));
            processing.registerEventProcessor(StateSurfaceProcessor.NAME, (name, configuration, invoker) ->
                    subscribing(name, configuration, switches.wrap(name, invoker, markers.rebuilding())));
            processing.registerHandlerInterceptor(NAME, c -> switches.batchGate(NAME));
            processing.registerHandlerInterceptor(StateSurfaceProcessor.NAME,
                    c -> switches.batchGate(StateSurfaceProcessor.NAME));
        };
    }

    private static EventProcessor tracking(String name, Configuration configuration, EventHandlerInvoker invoker,
                                           ProcessorProperties properties, NodeProperties nodes) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(configuration.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(new LingeringEventSource(configuration.eventStore(), properties.readModelLinger()))
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andTokenClaimInterval(nodes.claimInterval().toMillis(), TimeUnit.MILLISECONDS)
                        .andBatchSize(properties.readModelBatchSize()))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .build();
    }

    private static EventProcessor subscribing(String name, Configuration configuration, EventHandlerInvoker invoker) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return SubscribingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(configuration.messageMonitor(SubscribingEventProcessor.class, name))
                .messageSource(configuration.eventBus())
                .processingStrategy(DirectEventProcessingStrategy.INSTANCE)
                .transactionManager(processing.transactionManager(name))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .build();
    }
}
