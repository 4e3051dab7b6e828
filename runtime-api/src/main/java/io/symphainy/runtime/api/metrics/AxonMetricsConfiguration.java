package io.symphainy.runtime.api.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import javax.annotation.Nonnull;
import org.axonframework.config.Configurer;
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
 * Axon's message monitors, dimensional: the command bus, event store and query bus keep Axon's own monitors
 * (counters and timers by payload type), while every event processor gets the lean {@link EventProcessorMonitor}
 * plus Axon's latency gauge ({@code eventProcessor.latency} by processor). Axon's processor monitors register and
 * look up nine meters per event per processor, with client-side percentiles, for every event a processor reads —
 * including the many it ignores; on a busy runtime that was a sixth of all CPU.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

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
                return (MessageMonitor<Message<?>>) (EventProcessor.class.isAssignableFrom(componentType)
                        ? processorMonitor(registry, componentName)
                        : axonMetrics.registerComponentWithDefaultTags(componentType, componentName));
            }
        };
    }

    private static MultiMessageMonitor<EventMessage<?>> processorMonitor(
            MeterRegistry registry, String processorName) {
        return new MultiMessageMonitor<>(
                new EventProcessorMonitor(registry, processorName),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix(EventProcessorMonitor.PREFIX)
                        .meterRegistry(registry)
                        .tagsBuilder(message -> Tags.of(TagsUtil.PROCESSOR_NAME_TAG, processorName))
                        .build());
    }
}
