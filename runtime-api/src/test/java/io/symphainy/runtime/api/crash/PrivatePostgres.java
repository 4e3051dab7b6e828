package io.symphainy.runtime.api.crash;

import io.symphainy.runtime.core.testing.TestDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * A PostgreSQL server of the test's own, on its own port and data directory, that the test may stop and start again
 * (the machine's shared server must never be restarted by a test). Data survives a restart.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PrivatePostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    static PrivatePostgres start(Path dataDirectory) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PrivatePostgres postgres = new PrivatePostgres(dataDirectory, port);
        postgres.startAgain();
        return postgres;
    }

    /** The server's own {@code postgres} database, which the runtime's Flyway fills on its first start. */
    TestDatabase database() {
        return new TestDatabase("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    /** Stops the server (fast shutdown: open connections are cut, as when a database fails over). */
    void stop() throws IOException {
        EmbeddedPostgres running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    /** Starts the server again on the same port and data directory. */
    void startAgain() throws IOException {
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPort(port)
                .start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
