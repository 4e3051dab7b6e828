package io.symphainy.runtime.core.database;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The database failures a request may meet that are nobody's fault and pass by themselves, recognised anywhere in the
 * failure's causes (Axon and Spring wrap the driver's exception in their own, often twice).
 */
public enum DatabaseFailure {

    /** The database could not be reached: refused or broken connection, pool timeout, server shutting down. */
    UNAVAILABLE,
    /** PostgreSQL cancelled a statement that ran past {@code runtime.database.statement-timeout}. */
    TIMEOUT;

    /** SQL state of a statement cancelled by {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";
    /** What HikariCP's stand-in for a connection it closed answers to every call. */
    private static final String POOL_CLOSED_CONNECTION = "Connection is closed";

    /** What kind of database failure the exception stands for, if it stands for one. */
    public static Optional<DatabaseFailure> of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            Optional<DatabaseFailure> kind = kindOf(cause);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> kindOf(Throwable cause) {
        if (cause instanceof QueryTimeoutException) {
            return Optional.of(TIMEOUT);
        }
        if (cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientConnectionException
                || isClosedByThePool(cause)) {
            return Optional.of(UNAVAILABLE);
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return ofState(sql.getSQLState());
        }
        return Optional.empty();
    }

    /**
     * A call on a connection the pool closed after it broke, which the pool answers without a server's state: the
     * rollback (or commit) of a transaction whose statement met the outage, or a statement after a failure someone
     * swallowed (Axon reads an aggregate's events after a failed snapshot read, on the same connection).
     */
    private static boolean isClosedByThePool(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() == null
                && POOL_CLOSED_CONNECTION.equals(sql.getMessage());
    }

    /**
     * Class 08 is a connection exception; 57P01-57P03 a server shutting down, restarting or not yet accepting
     * connections; 53300 no connection slot left.
     */
    private static Optional<DatabaseFailure> ofState(String state) {
        if (QUERY_CANCELED.equals(state)) {
            return Optional.of(TIMEOUT);
        }
        if (state.startsWith("08") || state.startsWith("57P") || "53300".equals(state)) {
            return Optional.of(UNAVAILABLE);
        }
        return Optional.empty();
    }
}
