package io.symphainy.runtime.core.wal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Wakes the {@link WalTail} once a batch of the WAL projection has committed, so followers on this node see new
 * entries at once rather than at the tail's next poll.
 *
 * <p>It belongs to the WAL projection's processing group, so it runs in the same unit of work (and transaction) as
 * the inserts; the wake-up is registered once per batch and runs after the commit, when the rows are visible.
 */
@Component
@ProcessingGroup(WalProjection.PROCESSING_GROUP)
class WalAppendSignal {

    private static final String REGISTERED = WalAppendSignal.class.getName() + ".registered";

    private final WalTail tail;

    WalAppendSignal(WalTail tail) {
        this.tail = tail;
    }

    @EventHandler
    void on(Object payload) {
        if (!CurrentUnitOfWork.isStarted()) {
            tail.wake();
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(REGISTERED, key -> {
            batch.afterCommit(committed -> tail.wake());
            return Boolean.TRUE;
        });
    }
}
