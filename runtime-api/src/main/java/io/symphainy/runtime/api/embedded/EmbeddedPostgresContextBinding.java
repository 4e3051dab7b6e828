package io.symphainy.runtime.api.embedded;

import javax.sql.DataSource;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Ties a lease on the embedded PostgreSQL to the application's lifetime, so the server stops only after everything
 * that uses it has shut down.
 *
 * <p>{@code ContextClosedEvent} is published before any bean is destroyed, so stopping there would pull the database
 * from under event processors, the scheduler and the connection pool while they finish. Instead the lease becomes a
 * bean that every {@link DataSource} depends on: Spring destroys dependants first, so the lease is released after the
 * pool has closed. A start that fails before the context is refreshed releases the lease through
 * {@link ApplicationFailedEvent}, and the JVM shutdown handler covers contexts that are never closed; it runs after
 * Spring Boot has closed all contexts.
 */
final class EmbeddedPostgresContextBinding
        implements ApplicationContextInitializer<ConfigurableApplicationContext>,
        ApplicationListener<ApplicationFailedEvent> {

    static final String BEAN_NAME = "embeddedPostgresLease";

    private final EmbeddedPostgresLease lease;

    private EmbeddedPostgresContextBinding(EmbeddedPostgresLease lease) {
        this.lease = lease;
    }

    static void bind(SpringApplication application, EmbeddedPostgresLease lease) {
        EmbeddedPostgresContextBinding binding = new EmbeddedPostgresContextBinding(lease);
        application.addInitializers(binding);
        application.addListeners(binding);
        SpringApplication.getShutdownHandlers().add(lease::close);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!(context.getBeanFactory() instanceof BeanDefinitionRegistry registry)) {
            throw new IllegalStateException("Cannot register the embedded PostgreSQL lease in " + context);
        }
        RootBeanDefinition definition = new RootBeanDefinition(EmbeddedPostgresLease.class, () -> lease);
        definition.setDestroyMethodName("close");
        registry.registerBeanDefinition(BEAN_NAME, definition);
        context.addBeanFactoryPostProcessor(new DataSourcesDependOnLease());
    }

    @Override
    public void onApplicationEvent(ApplicationFailedEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        // An active context still holds the lease as a bean and releases it when Spring closes it right after this.
        if (context == null || !context.isActive()) {
            lease.close();
        }
    }

    private static final class DataSourcesDependOnLease extends AbstractDependsOnBeanFactoryPostProcessor {

        private DataSourcesDependOnLease() {
            super(DataSource.class, BEAN_NAME);
        }
    }
}
