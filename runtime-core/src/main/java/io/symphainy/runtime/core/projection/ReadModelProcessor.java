package io.symphainy.runtime.core.projection;

import io.symphainy.runtime.core.config.ProcessorProperties;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.async.SequentialPolicy;
import org.axonframework.eventhandling.EventProcessorSpanFactory;
import org.springframework.context.annotation.Bean;

/**
 * The one tracking processor that keeps every read model: each batch of events is read and deserialized once, handed
 * to the handlers of every live read model, and written in one transaction with the processor's position. It runs one
 * segment on one thread, so the read models that hand out positions (the WAL view, the audit timeline) see events in
 * commit order. Each read model stays its own processing group with its own reset handler, and is rebuilt on its own
 * ({@link ProjectionRebuilds}) while the others keep running.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class ReadModelProcessor {

    /** The processor's name, as its tokens and metrics name it. */
    public static final String NAME = "read-models";

    @Bean
    public ConfigurerModule readModelProcessing(List<ReadModel> readModels, ProcessorProperties properties,
                                                ProjectionSwitches switches, RebuildMarkers markers) {
        Set<String> names = readModels.stream().map(ReadModel::name).collect(Collectors.toSet());
        return configurer -> {
            EventProcessingConfigurer processing = configurer.eventProcessing();
            processing.assignProcessingGroup(group -> names.contains(group) ? NAME : group);
            // One segment: no event needs a sequence identifier, so none is deserialized to compute one.
            names.forEach(name -> processing.registerSequencingPolicy(name, c -> new SequentialPolicy()));
            processing.registerEventProcessor(NAME, (name, configuration, invoker) -> build(name, configuration,
                    switches.wrap(invoker, markers.rebuilding()), properties));
            processing.registerHandlerInterceptor(NAME, c -> switches.batchGate());
        };
    }

    private static EventProcessor build(String name, Configuration configuration, EventHandlerInvoker invoker,
                                        ProcessorProperties properties) {
        EventProcessingConfiguration processing = configuration.eventProcessingConfiguration();
        return TrackingEventProcessor.builder()
                .name(name)
                .eventHandlerInvoker(invoker)
                .rollbackConfiguration(processing.rollbackConfiguration(name))
                .errorHandler(processing.errorHandler(name))
                .messageMonitor(configuration.messageMonitor(TrackingEventProcessor.class, name))
                .messageSource(configuration.eventStore())
                .tokenStore(processing.tokenStore(name))
                .transactionManager(processing.transactionManager(name))
                .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialSegmentsCount(1)
                        .andBatchSize(properties.readModelBatchSize()))
                .spanFactory(configuration.getComponent(EventProcessorSpanFactory.class))
                .build();
    }
}
