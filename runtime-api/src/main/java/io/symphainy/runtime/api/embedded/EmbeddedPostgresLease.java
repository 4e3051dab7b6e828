package io.symphainy.runtime.api.embedded;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One user's claim on a running embedded PostgreSQL; the server stops when the last claim is closed.
 *
 * <p>Closing is idempotent because the context, a failed start and the JVM shutdown handler may all try to release
 * the same claim.
 */
final class EmbeddedPostgresLease implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    EmbeddedPostgresLease(Path dataDirectory, int port, Runnable release) {
        this.dataDirectory = dataDirectory;
        this.port = port;
        this.release = release;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    int port() {
        return port;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    boolean isReleased() {
        return released.get();
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
