package io.symphainy.runtime.api.logging;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns {@code runtime.logging.format} ({@code LOGGING_FORMAT}) into Spring Boot's structured console logging:
 * {@code json} means Elastic Common Schema; {@code ecs}, {@code logstash} and {@code gelf} name a format; anything
 * else keeps plain text. An explicit {@code logging.structured.format.console} wins. Runs after the configuration
 * files are read and before the logging system starts.
 */
public class StructuredLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String FORMAT_PROPERTY = "runtime.logging.format";
    static final String CONSOLE_FORMAT_PROPERTY = "logging.structured.format.console";

    private static final Set<String> STRUCTURED_FORMATS = Set.of("ecs", "logstash", "gelf");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(FORMAT_PROPERTY, "text").strip().toLowerCase(Locale.ROOT);
        String structured = "json".equals(format) ? "ecs" : STRUCTURED_FORMATS.contains(format) ? format : null;
        if (structured != null && !environment.containsProperty(CONSOLE_FORMAT_PROPERTY)) {
            environment.getPropertySources().addLast(new MapPropertySource("runtime-logging-format",
                    Map.of(CONSOLE_FORMAT_PROPERTY, structured)));
        }
    }

    /** After the configuration files ({@code ConfigDataEnvironmentPostProcessor}) are loaded. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
