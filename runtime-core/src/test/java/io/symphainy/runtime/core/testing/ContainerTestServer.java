package io.symphainy.runtime.core.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts the JVM's test database server in a Testcontainers PostgreSQL, for machines with Docker.
 *
 * <p>Testcontainers is referenced only from here, so machines without it on the classpath fall through to the
 * embedded server. Ryuk removes the container when the JVM exits.
 */
final class ContainerTestServer {

    static final String IMAGE = "postgres:16-alpine";

    private ContainerTestServer() {
    }

    static boolean isDockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    static PostgresServer start() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(IMAGE));
        container.start();
        return new PostgresServer(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }
}
