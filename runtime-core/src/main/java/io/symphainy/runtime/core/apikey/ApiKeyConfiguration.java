package io.symphainy.runtime.core.apikey;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Projects issued API keys with a subscribing processor, in the transaction that records them.
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    @Bean
    public ConfigurerModule apiKeyProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(ApiKeyProjection.PROCESSING_GROUP);
    }
}
