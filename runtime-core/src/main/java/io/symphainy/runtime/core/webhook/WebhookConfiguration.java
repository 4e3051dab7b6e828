package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The processors of webhooks: endpoints are projected by a subscribing processor, in the transaction of their
 * registration; the outbox is a read model of the shared processor that is never rebuilt (it sends).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
public class WebhookConfiguration {

    @Bean
    public ConfigurerModule webhookProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(WebhookEndpointProjection.PROCESSING_GROUP);
    }

    @Bean
    public ReadModel webhookOutboxReadModel() {
        return ReadModel.liveOnly(WebhookOutbox.PROCESSING_GROUP);
    }
}
