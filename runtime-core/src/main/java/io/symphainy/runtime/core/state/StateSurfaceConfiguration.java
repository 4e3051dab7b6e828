package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the State Surface's read models, executions and sessions. They are written in the transaction that
 * records their events, so a client sees its execution's state as soon as it is recorded (and the loss scan reads
 * running attempts from it exactly).
 */
@Configuration(proxyBeanMethods = false)
class StateSurfaceConfiguration {

    @Bean
    ReadModel executionStateReadModel() {
        return ReadModel.inTransaction(ExecutionStateProjection.PROCESSING_GROUP);
    }

    @Bean
    ReadModel sessionStateReadModel() {
        return ReadModel.inTransaction(SessionStateProjection.PROCESSING_GROUP);
    }
}
