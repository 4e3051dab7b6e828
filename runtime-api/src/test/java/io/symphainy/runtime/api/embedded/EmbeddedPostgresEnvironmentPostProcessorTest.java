package io.symphainy.runtime.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Proves that an application without a datasource URL gets the embedded database through spring.factories, and that
 * the server outlives the connection pool but not the context.
 */
class EmbeddedPostgresEnvironmentPostProcessorTest {

    @TempDir
    Path dataDir;

    @Test
    void startsTheEmbeddedDatabaseWhenNoUrlIsConfigured() throws SQLException {
        String url;
        try (ConfigurableApplicationContext context = run(Map.of(), DataSourceConfiguration.class)) {
            ConfigurableEnvironment environment = context.getEnvironment();
            url = environment.getProperty("spring.datasource.url");
            assertThat(url).startsWith("jdbc:postgresql://localhost:").endsWith("/postgres");
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("postgres");
            assertThat(environment.getProperty("runtime.diagnostics.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("runtime.embedded-database.enabled")).isEqualTo("true");
            assertThat(environment.getProperty("runtime.policy.default-decision"))
                    .as("the quick-start runs intents before any policy is published").isEqualTo("ALLOW");
            assertThat(environment.getPropertySources()
                    .contains(EmbeddedPostgresEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME)).isTrue();
            assertThat(EmbeddedPostgresRegistry.isRunning(dataDir.resolve("postgres"))).isTrue();
            assertThat(context.getBeanFactory().getBeanDefinition("dataSource").getDependsOn())
                    .contains(EmbeddedPostgresContextBinding.BEAN_NAME);
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(connection.isValid(1)).isTrue();
            }
        }
        assertThat(EmbeddedPostgresRegistry.isRunning(dataDir.resolve("postgres"))).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void lowPrecedenceDefaultsYieldToExplicitSettings() {
        try (ConfigurableApplicationContext context = run(Map.of("runtime.diagnostics.enabled", "false"))) {
            assertThat(context.getEnvironment().getProperty("runtime.diagnostics.enabled")).isEqualTo("false");
        }
    }

    @Test
    void leavesAConfiguredUrlAlone() {
        String configured = "jdbc:postgresql://db.example:5432/runtime";
        try (ConfigurableApplicationContext context = run(Map.of("spring.datasource.url", configured))) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isEqualTo(configured);
            assertThat(context.getEnvironment().getPropertySources()
                    .contains(EmbeddedPostgresEnvironmentPostProcessor.DEFAULTS_SOURCE_NAME)).isFalse();
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void canBeSwitchedOff() {
        try (ConfigurableApplicationContext context = run(Map.of("runtime.embedded-database.auto-start", "false"))) {
            assertThat(context.getEnvironment().getProperty("spring.datasource.url")).isNull();
            assertThat(dataDir.resolve("postgres")).doesNotExist();
        }
    }

    @Test
    void aFailedStartStopsTheServer() {
        assertThatThrownBy(() -> run(Map.of(), FailingConfiguration.class)).hasRootCauseMessage("refused");
        assertThat(EmbeddedPostgresRegistry.isRunning(dataDir.resolve("postgres"))).isFalse();
    }

    private ConfigurableApplicationContext run(Map<String, Object> properties, Class<?>... sources) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("runtime.data-dir", dataDir.toString());
        // Test configuration files may switch the embedded database off for the rest of the suite.
        all.putIfAbsent("runtime.embedded-database.auto-start", "true");
        StandardEnvironment environment = new StandardEnvironment();
        // A developer's SPRING_DATASOURCE_URL must not decide whether this test starts a server.
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("test", all));
        Class<?>[] primarySources = sources.length == 0 ? new Class<?>[] {Empty.class} : sources;
        SpringApplication application = new SpringApplication(primarySources);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setEnvironment(environment);
        return application.run();
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Configuration(proxyBeanMethods = false)
    static class DataSourceConfiguration {

        @Bean
        DataSource dataSource(Environment environment) {
            return DataSourceBuilder.create()
                    .url(environment.getProperty("spring.datasource.url"))
                    .username(environment.getProperty("spring.datasource.username"))
                    .password(environment.getProperty("spring.datasource.password"))
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class FailingConfiguration {

        @Bean
        Object refusing() {
            throw new IllegalStateException("refused");
        }
    }
}
