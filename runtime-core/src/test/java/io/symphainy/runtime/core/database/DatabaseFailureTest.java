package io.symphainy.runtime.core.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Database failures are recognised however deeply Axon and Spring wrapped the driver's exception. */
class DatabaseFailureTest {

    @Test
    void recognisesAPoolThatTimedOutWaitingForARefusedConnection() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001",
                new ConnectException("Connection refused"));
        Exception pool = new SQLTransientConnectionException("HikariPool-1 - Connection is not available", "08001",
                refused);
        Exception wrapped = new CommandExecutionException("command failed",
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", (SQLException) pool)));

        assertThat(DatabaseFailure.of(wrapped)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void recognisesAServerShuttingDownUnderAnAxonEventStoreFailure() {
        SQLException shutdown = new SQLException("terminating connection due to administrator command", "57P01");
        Exception failure = new EventStoreException("An event for aggregate [x] could not be appended",
                new DataAccessResourceFailureException("append failed", shutdown));

        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void recognisesAStatementCancelledByTheStatementTimeout() {
        SQLException cancelled = new SQLException("canceling statement due to statement timeout", "57014");
        Exception failure = new EventStoreException("append failed",
                new DataAccessResourceFailureException("append failed", cancelled));

        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.TIMEOUT);
        assertThat(DatabaseFailure.of(new org.springframework.dao.QueryTimeoutException("timed out")))
                .contains(DatabaseFailure.TIMEOUT);
    }

    @Test
    void recognisesARollbackOnAConnectionThePoolClosedAfterItBroke() {
        Exception failure = new CommandExecutionException("command failed",
                new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed")));

        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void recognisesAStatementOnAConnectionThePoolClosedAfterItBroke() {
        Exception failure = new EventStoreException("Failed to read events for aggregate [x]",
                new SQLException("Connection is closed"));

        assertThat(DatabaseFailure.of(failure)).contains(DatabaseFailure.UNAVAILABLE);
    }

    @Test
    void leavesOtherFailuresAlone() {
        SQLException uniqueViolation = new SQLException("duplicate key value", "23505");

        assertThat(DatabaseFailure.of(new IllegalStateException("boom", uniqueViolation))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalStateException("boom"))).isEmpty();
        assertThat(DatabaseFailure.of(new TransactionSystemException("commit failed",
                new SQLException("could not serialize access", "40001")))).isEmpty();
        assertThat(DatabaseFailure.of(new EventStoreException("read failed", new SQLException("No results"))))
                .isEmpty();
    }
}
