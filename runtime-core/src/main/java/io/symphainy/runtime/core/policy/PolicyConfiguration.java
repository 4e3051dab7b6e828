package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.projection.ReadModel;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Hands this node's policy publications to the intake's memory of them with a subscribing processor, in the
 * transaction that records them; the published versions are a read model of the shared processor.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyConfiguration {

    @Bean
    public ConfigurerModule policyCommitProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerSubscribingEventProcessor(PolicyCommits.PROCESSING_GROUP);
    }

    @Bean
    public ReadModel policyVersionsReadModel() {
        return ReadModel.rebuildable(PolicyVersionProjection.PROCESSING_GROUP);
    }
}
