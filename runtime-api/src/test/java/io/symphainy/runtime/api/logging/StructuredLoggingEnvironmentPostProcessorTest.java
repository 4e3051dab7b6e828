package io.symphainy.runtime.api.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StructuredLoggingEnvironmentPostProcessorTest {

    private final StructuredLoggingEnvironmentPostProcessor processor = new StructuredLoggingEnvironmentPostProcessor();

    @Test
    void jsonMeansElasticCommonSchema() {
        assertThat(consoleFormatFor("json")).isEqualTo("ecs");
        assertThat(consoleFormatFor("JSON")).isEqualTo("ecs");
    }

    @Test
    void namedStructuredFormatsAreKept() {
        assertThat(consoleFormatFor("logstash")).isEqualTo("logstash");
        assertThat(consoleFormatFor("gelf")).isEqualTo("gelf");
    }

    @Test
    void textAndUnknownFormatsKeepPlainLogs() {
        assertThat(consoleFormatFor("text")).isNull();
        assertThat(consoleFormatFor("xml")).isNull();
        assertThat(consoleFormatFor(null)).isNull();
    }

    @Test
    void anExplicitStructuredFormatWins() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(StructuredLoggingEnvironmentPostProcessor.FORMAT_PROPERTY, "json")
                .withProperty(StructuredLoggingEnvironmentPostProcessor.CONSOLE_FORMAT_PROPERTY, "logstash");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(StructuredLoggingEnvironmentPostProcessor.CONSOLE_FORMAT_PROPERTY))
                .isEqualTo("logstash");
    }

    private String consoleFormatFor(String format) {
        MockEnvironment environment = new MockEnvironment();
        if (format != null) {
            environment.setProperty(StructuredLoggingEnvironmentPostProcessor.FORMAT_PROPERTY, format);
        }
        processor.postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty(StructuredLoggingEnvironmentPostProcessor.CONSOLE_FORMAT_PROPERTY);
    }
}
