package io.symphainy.runtime.core.wal;

import io.symphainy.runtime.core.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the WAL view with the shared read-model processor, and the tunables of the WAL tail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WalTailProperties.class)
class WalTailConfiguration {

    @Bean
    ReadModel walReadModel() {
        return ReadModel.rebuildable(WalProjection.PROCESSING_GROUP);
    }
}
