package io.symphainy.runtime.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import javax.annotation.Nonnull;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.micrometer.TagsUtil;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message monitors, dimensional: the command bus, the event store and every event processor get the lean
 * {@link PayloadTypeMonitor} (counters and timers by payload type, under Axon's meter names), each processor also
 * Axon's latency gauge ({@code eventProcessor.latency} by processor); the query bus keeps Axon's own monitors. Axon's
 * monitors look up each meter in the registry for every message and keep client-side percentiles: for the event
 * processors, which read every event, that was a sixth of the runtime's CPU on a busy node, and for the command bus
 * and the event store still about a twentieth.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    private static final String PROCESSOR_PREFIX = "eventProcessor";

    @Bean
    MetricsConfigurerModule metricsConfigurerModule(GlobalMetricRegistry axonMetrics, MeterRegistry registry) {
        return new MetricsConfigurerModule(axonMetrics, true) {
            @Override
            public void configureModule(@Nonnull Configurer configurer) {
                configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                        monitorOf(componentType, componentName));
            }

            @SuppressWarnings("unchecked")
            private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName) {
                if (EventProcessor.class.isAssignableFrom(componentType)) {
                    return (MessageMonitor<Message<?>>) (MessageMonitor<?>) processorMonitor(registry, componentName);
                }
                if (CommandBus.class.isAssignableFrom(componentType) || EventBus.class.isAssignableFrom(componentType)) {
                    return new PayloadTypeMonitor<>(registry, componentName, Tags.empty());
                }
                return (MessageMonitor<Message<?>>) axonMetrics.registerComponentWithDefaultTags(componentType,
                        componentName);
            }
        };
    }

    private static MultiMessageMonitor<EventMessage<?>> processorMonitor(
            MeterRegistry registry, String processorName) {
        return new MultiMessageMonitor<>(
                new PayloadTypeMonitor<EventMessage<?>>(registry, PROCESSOR_PREFIX,
                        Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName)),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(PROCESSOR_PREFIX)
                        .meterRegistry(registry)
                        .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName))
                        .build());
    }
}
