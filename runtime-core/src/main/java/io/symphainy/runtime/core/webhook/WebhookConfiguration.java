package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.infrastructure.AxonMessagingConfiguration;
import io.symphainy.runtime.core.infrastructure.StoredSegments;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processors of webhooks: endpoints are projected by a subscribing processor, in the transaction of their
 * registration; the outbox is a tracking processor that starts at the head of the event store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    public ConfigurerModule webhookProcessing(ProcessorProperties properties, StoredSegments stored) {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(WebhookEndpointProjection.PROCESSING_GROUP)
                .registerTrackingEventProcessorConfiguration(WebhookOutbox.PROCESSING_GROUP, configuration ->
                        AxonMessagingConfiguration.processors(properties, stored)
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
