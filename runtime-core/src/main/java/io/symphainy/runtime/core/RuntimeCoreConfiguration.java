package io.symphainy.runtime.core;

import io.symphainy.runtime.core.config.DatabaseProperties;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.config.NodeProperties;
import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.policy.PolicyProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * Spring entry point of the runtime core: aggregates, the saga coordinator, the worker, the Curator, the State
 * Surface projections and Axon's storage on PostgreSQL. Applications import it.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EnableConfigurationProperties({SagaProperties.class, ProcessorProperties.class, PolicyProperties.class,
        IntakeProperties.class, DatabaseProperties.class, NodeProperties.class})
public class RuntimeCoreConfiguration {
}
