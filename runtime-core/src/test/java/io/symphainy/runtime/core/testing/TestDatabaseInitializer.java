package io.symphainy.runtime.core.testing;

import java.util.Map;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points a Spring test context at its own fresh, empty PostgreSQL database from {@link TestDatabase}.
 *
 * <p>Use it through {@code @ContextConfiguration(initializers = TestDatabaseInitializer.class)}, or through
 * {@link WithTestDatabase}, which also keeps the runtime application from starting its quick-start embedded
 * database. Cached contexts keep their database; each new context gets another one.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestDatabase database = TestDatabase.createFresh();
        TestDatabaseServers.track(context);
        TestPropertyValues.of(Map.of(
                        "spring.datasource.url", database.jdbcUrl(),
                        "spring.datasource.username", database.username(),
                        "spring.datasource.password", database.password()))
                .applyTo(context);
    }
}
