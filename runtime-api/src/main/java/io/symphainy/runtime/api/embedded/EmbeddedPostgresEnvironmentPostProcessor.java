package io.symphainy.runtime.api.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Starts an embedded PostgreSQL when no datasource URL is configured, so the runtime runs without any setup.
 *
 * <p>The data lives in {@code ${runtime.data-dir}/postgres} and survives restarts. The connection properties are
 * added with the highest precedence; {@code runtime.diagnostics.enabled} and {@code runtime.embedded-database.enabled}
 * default to {@code true} with the lowest precedence so other code can recognise quick-start mode, and
 * {@code runtime.policy.default-decision} to {@code ALLOW} so the quick-start runs intents before any policy exists. Setting
 * {@code runtime.embedded-database.auto-start=false} keeps the embedded database from starting, which tests that bring
 * their own database, or need none, do before the application starts.
 */
public class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String CONNECTION_SOURCE_NAME = "embeddedPostgresConnection";
    static final String DEFAULTS_SOURCE_NAME = "embeddedPostgresDefaults";

    private static final String DATASOURCE_URL = "spring.datasource.url";
    private static final String DATASOURCE_USERNAME = "spring.datasource.username";
    private static final String DATASOURCE_PASSWORD = "spring.datasource.password";
    private static final String DIAGNOSTICS_ENABLED = "runtime.diagnostics.enabled";
    private static final String POLICY_DEFAULT_DECISION = "runtime.policy.default-decision";
    private static final String EMBEDDED_ENABLED = EmbeddedPostgresProperties.PREFIX + ".enabled";
    private static final String DATA_DIR = "runtime.data-dir";
    /** Same fallback as application.yml, for applications started without it. */
    private static final String DEFAULT_DATA_DIR = "./data";
    private static final String POSTGRES_SUBDIRECTORY = "postgres";
    /** The server trusts local connections, so no password is needed. */
    private static final String NO_PASSWORD = "";

    private final Log log;

    public EmbeddedPostgresEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedPostgresEnvironmentPostProcessor.class);
    }

    /** Runs after config data has been loaded, so application.yml, profiles and the environment can supply a URL. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (StringUtils.hasText(environment.getProperty(DATASOURCE_URL))) {
            return;
        }
        EmbeddedPostgresProperties properties = Binder.get(environment)
                .bindOrCreate(EmbeddedPostgresProperties.PREFIX, EmbeddedPostgresProperties.class);
        if (!properties.autoStart()) {
            return;
        }
        Path dataDirectory = Path.of(environment.getProperty(DATA_DIR, DEFAULT_DATA_DIR), POSTGRES_SUBDIRECTORY)
                .toAbsolutePath()
                .normalize();
        EmbeddedPostgresLease lease = start(dataDirectory, properties);
        environment.getPropertySources().addFirst(new MapPropertySource(CONNECTION_SOURCE_NAME, Map.of(
                DATASOURCE_URL, lease.jdbcUrl(),
                DATASOURCE_USERNAME, EmbeddedPostgresLease.USER,
                DATASOURCE_PASSWORD, NO_PASSWORD)));
        environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS_SOURCE_NAME, Map.of(
                DIAGNOSTICS_ENABLED, "true",
                POLICY_DEFAULT_DECISION, "ALLOW",
                EMBEDDED_ENABLED, "true")));
        EmbeddedPostgresContextBinding.bind(application, lease);
        log.info("No spring.datasource.url configured: embedded PostgreSQL keeps its data in " + dataDirectory
                + " and listens at " + lease.jdbcUrl());
    }

    private EmbeddedPostgresLease start(Path dataDirectory, EmbeddedPostgresProperties properties) {
        try {
            return EmbeddedPostgresRegistry.acquire(dataDirectory, properties, log);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }
}
