package io.symphainy.runtime.core;

import java.io.IOException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the settings the core needs to work as designed (jsonb parameters, JDBC storage, persistent deadline
 * polling) as lowest-precedence defaults, so every application and test that uses the core gets them and can still
 * override each one.
 */
public class RuntimeCoreDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "runtime-core-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("runtime-core-defaults", new ClassPathResource(DEFAULTS))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS, e);
        }
    }
}
