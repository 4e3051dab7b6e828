package io.symphainy.runtime.api.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.logging.Log;

/**
 * Keeps at most one embedded PostgreSQL per data directory running in this JVM and stops it when its last lease ends.
 *
 * <p>Spring may build several application contexts in one JVM (test context caching, devtools restarts, parent and
 * child contexts). They share one server through leases instead of fighting over the data directory's lock.
 */
final class EmbeddedPostgresRegistry {

    /** Durable events must survive a crash of the server, which zonky's default of {@code off} does not promise. */
    private static final String SYNCHRONOUS_COMMIT = "synchronous_commit";

    private static final Map<Path, Running> RUNNING = new HashMap<>();

    private EmbeddedPostgresRegistry() {
    }

    static EmbeddedPostgresLease acquire(Path dataDirectory, EmbeddedPostgresProperties properties, Log log)
            throws IOException {
        Path key = dataDirectory.toAbsolutePath().normalize();
        synchronized (RUNNING) {
            Running running = RUNNING.get(key);
            if (running == null) {
                running = new Running(start(key, properties, log));
                RUNNING.put(key, running);
            }
            running.leases++;
            return new EmbeddedPostgresLease(key, running.server.getPort(), () -> release(key));
        }
    }

    static boolean isRunning(Path dataDirectory) {
        synchronized (RUNNING) {
            return RUNNING.containsKey(dataDirectory.toAbsolutePath().normalize());
        }
    }

    private static EmbeddedPostgres start(Path dataDirectory, EmbeddedPostgresProperties properties, Log log)
            throws IOException {
        Files.createDirectories(dataDirectory);
        PostmasterLeftovers.clear(dataDirectory, properties.startupTimeout(), log);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // Zonky's default wipes the directory on close; the runtime keeps its data across restarts.
                .setCleanDataDirectory(false)
                // The application context stops the server after its pool closes; a JVM hook would race with that.
                .setRegisterShutdownHook(false)
                .setPort(properties.port())
                .setPGStartupWait(properties.startupTimeout())
                .setServerConfig(SYNCHRONOUS_COMMIT, "on")
                .start();
    }

    private static void release(Path dataDirectory) {
        synchronized (RUNNING) {
            Running running = RUNNING.get(dataDirectory);
            if (running == null || --running.leases > 0) {
                return;
            }
            RUNNING.remove(dataDirectory);
            try {
                running.server.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop embedded PostgreSQL in " + dataDirectory, e);
            }
        }
    }

    private static final class Running {

        private final EmbeddedPostgres server;
        private int leases;

        private Running(EmbeddedPostgres server) {
            this.server = server;
        }
    }
}
