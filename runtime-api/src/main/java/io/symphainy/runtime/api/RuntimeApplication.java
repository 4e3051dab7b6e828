package io.symphainy.runtime.api;

import io.symphainy.runtime.core.RuntimeCoreConfiguration;
import io.symphainy.runtime.realm.content.ContentRealmConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Symphainy Runtime HTTP application: REST endpoints in front of the runtime core and its realms.
 */
@SpringBootApplication
@Import({RuntimeCoreConfiguration.class, ContentRealmConfiguration.class})
public class RuntimeApplication {

    /** Axon's anonymous usage reporting; the environment variable {@code AXONIQ_UPDATE_CHECKER_DISABLED} wins. */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /** Starts the runtime. It does not report its JVM and OS to AxonIQ unless told to ({@code =false}). */
    public static void main(String[] args) {
        System.setProperty(UPDATE_CHECKER_DISABLED, System.getProperty(UPDATE_CHECKER_DISABLED, "true"));
        SpringApplication.run(RuntimeApplication.class, args);
    }
}
