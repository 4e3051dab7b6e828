package io.symphainy.runtime.core.infrastructure;

import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transactions whose commit does not wait for PostgreSQL to flush its write-ahead log to disk, as long as they record no
 * event: for a processor that mostly only moves its position on (the coordinator, past the events of executions that
 * need none), the position and whatever else it wrote are written again from the durable events if a crash of the
 * database loses them. Such a commit is visible at once and durable within PostgreSQL's {@code wal_writer_delay}; it no
 * longer queues for the disk behind the transactions that must wait for it (those that acknowledge an intent or record
 * an outcome). A transaction that records an event ({@link #eventsFlushOnCommit()}) waits for the disk like any other,
 * so no event is ever acknowledged before it is durable.
 */
public final class DeferredFlushTransactionManager implements TransactionManager {

    private static final String DEFERRED = DeferredFlushTransactionManager.class.getName() + ".deferred";
    private static final String DEFER = "set local synchronous_commit to off";
    private static final String FLUSH = "set local synchronous_commit to on";

    private final TransactionManager delegate;
    private final JdbcTemplate jdbc;

    public DeferredFlushTransactionManager(TransactionManager delegate, JdbcTemplate jdbc) {
        this.delegate = delegate;
        this.jdbc = jdbc;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        try {
            jdbc.execute(DEFER);
        } catch (RuntimeException failed) {
            transaction.rollback();
            throw failed;
        }
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().put(DEFERRED, jdbc);
        }
        return transaction;
    }

    /**
     * The interceptor the event store gets: when an event is published in a unit of work whose transaction defers its
     * flush, the transaction waits for the disk after all.
     */
    public static MessageDispatchInterceptor<EventMessage<?>> eventsFlushOnCommit() {
        return (List<? extends EventMessage<?>> messages) -> {
            if (CurrentUnitOfWork.isStarted()) {
                UnitOfWork<?> root = CurrentUnitOfWork.get().root();
                Object deferring = root.resources().remove(DEFERRED);
                if (deferring instanceof JdbcTemplate jdbc) {
                    jdbc.execute(FLUSH);
                }
            }
            BiFunction<Integer, EventMessage<?>, EventMessage<?>> unchanged = (index, message) -> message;
            return unchanged;
        };
    }
}
