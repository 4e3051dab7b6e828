package io.symphainy.runtime.core.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the JVM's test database server as an embedded PostgreSQL in a fresh temporary directory, for machines with
 * neither a configured server nor Docker.
 *
 * <p>The server is stopped and its directory deleted at JVM exit, after the test contexts that use it have closed;
 * zonky's own hook would race with them.
 */
final class EmbeddedTestServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedTestServer.class);
    private static final String SUPERUSER = "postgres";
    private static final String ADMIN_DATABASE = "postgres";
    private static final String NO_PASSWORD = "";

    private EmbeddedTestServer() {
    }

    static PostgresServer start() {
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL for tests", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(postgres), "test-postgres-stop"));
        String adminUrl = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + ADMIN_DATABASE;
        return new PostgresServer(adminUrl, SUPERUSER, NO_PASSWORD);
    }

    private static void stop(EmbeddedPostgres postgres) {
        TestDatabaseServers.awaitContextsClosed();
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("Could not stop embedded test PostgreSQL", e);
        }
    }
}
