package io.symphainy.runtime.core.testing;

/**
 * Connection details of a fresh, empty PostgreSQL database that belongs to one test context or one test-launched
 * runtime process.
 *
 * <p>The server behind it is chosen once per JVM, in this order: the server named by the environment variable
 * {@code RUNTIME_TEST_JDBC_URL} (for example {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), a
 * Testcontainers {@code postgres:16-alpine} when Docker is available, or an embedded PostgreSQL started for this JVM.
 * Every call creates a new database named {@code runtime_test_<utc timestamp>_<random>} on it.
 *
 * @param jdbcUrl  JDBC URL of the new database, without credentials
 * @param username user to connect as
 * @param password password of that user, empty when the server trusts it
 */
public record TestDatabase(String jdbcUrl, String username, String password) {

    /** Creates a new, empty database and returns how to reach it. */
    public static TestDatabase createFresh() {
        return TestDatabaseServers.shared().createDatabase();
    }
}
