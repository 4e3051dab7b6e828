package io.symphainy.runtime.core.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction whose connection the server terminated (as a database shutting down does) fails as the database's
 * unavailability however the failure reaches the caller, even when Axon swallowed the first failure: it reads an
 * aggregate's snapshot, and when that fails it reads the aggregate's events on the same connection, which the pool has
 * closed by then and answers for without a server's SQL state.
 */
@SpringBootTest(classes = CoreTestApplication.class)
@WithTestDatabase
class BrokenConnectionTest {

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void readingAnAggregateOnATerminatedConnectionFailsAsTheDatabaseUnavailable() {
        AtomicReference<Throwable> readFailure = new AtomicReference<>();

        Throwable rollbackFailure = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(
                transaction -> {
                    terminate(jdbc.queryForObject("select pg_backend_pid()", Integer.class));
                    readFailure.set(catchThrowable(() -> events.readEvents(UUID.randomUUID().toString())
                            .asStream().count()));
                }));

        assertThat(readFailure.get()).as("reading the aggregate on the terminated connection").isNotNull();
        assertThat(stateless(readFailure.get())).as("the pool's answer, without a server's SQL state").isTrue();
        assertThat(DatabaseFailure.of(readFailure.get())).contains(DatabaseFailure.UNAVAILABLE);
        assertThat(DatabaseFailure.of(rollbackFailure)).contains(DatabaseFailure.UNAVAILABLE);
    }

    /** Terminates the backend from another connection and waits until it is gone. */
    private void terminate(int pid) {
        try (Connection other = dataSource.getConnection()) {
            other.createStatement().execute("select pg_terminate_backend(" + pid + ")");
            for (int i = 0; i < 100 && backendAlive(other, pid); i++) {
                Thread.sleep(20);
            }
        } catch (SQLException | InterruptedException e) {
            throw new AssertionError("cannot terminate backend " + pid, e);
        }
    }

    private static boolean backendAlive(Connection connection, int pid) throws SQLException {
        try (var result = connection.createStatement()
                .executeQuery("select count(*) from pg_stat_activity where pid = " + pid)) {
            return result.next() && result.getInt(1) > 0;
        }
    }

    private static boolean stateless(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql.getSQLState() == null;
            }
        }
        return false;
    }
}
