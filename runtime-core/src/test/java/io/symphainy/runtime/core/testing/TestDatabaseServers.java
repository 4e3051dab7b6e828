package io.symphainy.runtime.core.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chooses, once per JVM, the PostgreSQL server on which test databases are created, and remembers which test contexts
 * use it so a server owned by this JVM is stopped only after they have closed.
 */
final class TestDatabaseServers {

    static final String JDBC_URL_VARIABLE = "RUNTIME_TEST_JDBC_URL";

    private static final Logger LOG = LoggerFactory.getLogger(TestDatabaseServers.class);
    /** Long enough that no build still running on a shared server can own a database this old. */
    private static final Duration STALE_DATABASE_AGE = Duration.ofDays(1);
    /** Upper bound for test contexts to finish closing at JVM exit before their server goes away. */
    private static final Duration CONTEXT_CLOSE_WAIT = Duration.ofSeconds(30);
    private static final Duration CONTEXT_CLOSE_POLL = Duration.ofMillis(50);

    private static final Set<ConfigurableApplicationContext> CONTEXTS =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private static PostgresServer shared;

    private TestDatabaseServers() {
    }

    static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = select();
        }
        return shared;
    }

    static void track(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    /**
     * Waits until the tracked contexts are closed; Spring closes them from its own shutdown hooks, which run at the
     * same time as the hook that stops a JVM-owned server.
     */
    static void awaitContextsClosed() {
        long deadline = System.nanoTime() + CONTEXT_CLOSE_WAIT.toNanos();
        while (System.nanoTime() < deadline && anyContextActive()) {
            try {
                Thread.sleep(CONTEXT_CLOSE_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean anyContextActive() {
        List<ConfigurableApplicationContext> contexts;
        synchronized (CONTEXTS) {
            contexts = new ArrayList<>(CONTEXTS);
        }
        return contexts.stream().anyMatch(ConfigurableApplicationContext::isActive);
    }

    private static PostgresServer select() {
        String url = System.getenv(JDBC_URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            PostgresServer server = PostgresServer.fromJdbcUrl(url);
            server.dropTestDatabasesOlderThan(STALE_DATABASE_AGE);
            LOG.info("Test databases are created on {} (from {})", server.adminUrl(), JDBC_URL_VARIABLE);
            return server;
        }
        if (ContainerTestServer.isDockerAvailable()) {
            PostgresServer server = ContainerTestServer.start();
            LOG.info("Test databases are created in a Testcontainers {} at {}", ContainerTestServer.IMAGE,
                    server.adminUrl());
            return server;
        }
        PostgresServer server = EmbeddedTestServer.start();
        LOG.info("Test databases are created on an embedded PostgreSQL at {} ({} unset, Docker unavailable)",
                server.adminUrl(), JDBC_URL_VARIABLE);
        return server;
    }
}
