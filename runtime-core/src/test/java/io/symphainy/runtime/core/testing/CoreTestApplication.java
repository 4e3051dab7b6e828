package io.symphainy.runtime.core.testing;

import io.symphainy.runtime.core.RuntimeCoreConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The runtime core alone, with the test realm, for integration tests against a real PostgreSQL.
 */
@SpringBootApplication
@Import(RuntimeCoreConfiguration.class)
public class CoreTestApplication {
}
