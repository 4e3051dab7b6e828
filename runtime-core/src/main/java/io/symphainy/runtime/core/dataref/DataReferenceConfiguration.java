package io.symphainy.runtime.core.dataref;

import io.symphainy.runtime.core.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the data references with the shared read-model processor.
 */
@Configuration(proxyBeanMethods = false)
class DataReferenceConfiguration {

    @Bean
    ReadModel dataReferencesReadModel() {
        return ReadModel.rebuildable(DataReferenceProjection.PROCESSING_GROUP);
    }
}
