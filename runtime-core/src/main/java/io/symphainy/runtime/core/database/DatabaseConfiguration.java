package io.symphainy.runtime.core.database;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the runtime's side of database faults: a statement time limit on every pooled connection, and the watch that
 * brings event processors back once the database answers after an outage.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    /** Static, as every bean post-processor: it must exist before the data source it adjusts. */
    @Bean
    static StatementTimeout statementTimeout() {
        return new StatementTimeout();
    }
}
