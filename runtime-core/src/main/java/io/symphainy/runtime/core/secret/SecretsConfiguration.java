package io.symphainy.runtime.core.secret;

import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Provides the node's {@link SecretSealer}, keyed from {@code runtime.secrets.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecretsProperties.class)
public class SecretsConfiguration {

    /** The data directory whose {@code sealing.key} is the default key file. */
    static final String DATA_DIR = "runtime.data-dir";
    static final String DEFAULT_DATA_DIR = "./data";
    static final String DEFAULT_KEY_FILE = "sealing.key";

    @Bean
    public SecretSealer secretSealer(SecretsProperties properties, Environment environment) {
        Path defaultFile = Path.of(environment.getProperty(DATA_DIR, DEFAULT_DATA_DIR), DEFAULT_KEY_FILE);
        return new SecretSealer(SealingKeys.load(properties, defaultFile));
    }
}
