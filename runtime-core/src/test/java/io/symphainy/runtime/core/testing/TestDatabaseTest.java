package io.symphainy.runtime.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Proves that every request yields its own reachable, empty database, whichever server this machine provides.
 */
class TestDatabaseTest {

    @Test
    void twoCallsYieldTwoDistinctReachableEmptyDatabases() throws SQLException {
        TestDatabase first = TestDatabase.createFresh();
        TestDatabase second = TestDatabase.createFresh();

        assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
        assertThat(currentDatabase(first)).startsWith(PostgresServer.DATABASE_PREFIX);
        assertThat(currentDatabase(second)).startsWith(PostgresServer.DATABASE_PREFIX)
                .isNotEqualTo(currentDatabase(first));
        assertThat(userTableCount(first)).isZero();
        assertThat(userTableCount(second)).isZero();
    }

    @Test
    void aTableInOneDatabaseIsInvisibleInTheNext() throws SQLException {
        TestDatabase first = TestDatabase.createFresh();
        try (Connection connection = connect(first); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE leftover (id int)");
        }

        assertThat(userTableCount(first)).isOne();
        assertThat(userTableCount(TestDatabase.createFresh())).isZero();
    }

    @Test
    void initializerPointsTheContextAtAFreshDatabase() throws SQLException {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            new TestDatabaseInitializer().initialize(context);

            TestDatabase configured = new TestDatabase(
                    context.getEnvironment().getProperty("spring.datasource.url"),
                    context.getEnvironment().getProperty("spring.datasource.username"),
                    context.getEnvironment().getProperty("spring.datasource.password"));
            assertThat(userTableCount(configured)).isZero();
        }
    }

    private static String currentDatabase(TestDatabase database) throws SQLException {
        return queryString(database, "SELECT current_database()");
    }

    private static int userTableCount(TestDatabase database) throws SQLException {
        return Integer.parseInt(queryString(database, "SELECT count(*) FROM information_schema.tables"
                + " WHERE table_schema NOT IN ('pg_catalog', 'information_schema')"));
    }

    private static String queryString(TestDatabase database, String sql) throws SQLException {
        try (Connection connection = connect(database);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(TestDatabase database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
