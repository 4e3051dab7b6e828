package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the State Surface's read models, executions and sessions, with the shared read-model processor.
 */
@Configuration(proxyBeanMethods = false)
class StateSurfaceConfiguration {

    @Bean
    ReadModel executionStateReadModel() {
        return ReadModel.rebuildable(ExecutionStateProjection.PROCESSING_GROUP);
    }

    @Bean
    ReadModel sessionStateReadModel() {
        return ReadModel.rebuildable(SessionStateProjection.PROCESSING_GROUP);
    }
}
