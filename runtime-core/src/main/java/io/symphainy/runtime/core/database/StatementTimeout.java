package io.symphainy.runtime.core.database;

import com.zaxxer.hikari.HikariDataSource;
import io.symphainy.runtime.core.config.DatabaseProperties;
import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Gives every connection of the runtime's pool PostgreSQL's {@code statement_timeout} from
 * {@code runtime.database.statement-timeout}, through the driver's {@code options} startup parameter, so a statement
 * stuck on a lock or a slow plan fails with SQL state 57014 instead of holding a request thread for ever.
 */
class StatementTimeout implements BeanPostProcessor, EnvironmentAware {

    static final String OPTIONS = "options";

    private Duration timeout = Duration.ZERO;

    @Override
    public void setEnvironment(Environment environment) {
        timeout = Binder.get(environment).bindOrCreate("runtime.database", DatabaseProperties.class)
                .statementTimeout();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !timeout.isZero() && !pool.isRunning()) {
            String setting = "-c statement_timeout=" + timeout.toMillis();
            Object given = pool.getDataSourceProperties().get(OPTIONS);
            pool.addDataSourceProperty(OPTIONS, given == null ? setting : given + " " + setting);
        }
        return bean;
    }
}
