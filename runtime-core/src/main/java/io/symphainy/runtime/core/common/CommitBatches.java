package io.symphainy.runtime.core.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Rows a projection collects over a processor batch and writes together: a tracking processor handles its whole
 * batch in one root unit of work and transaction, so the rows are written, in the order they were added, once that
 * unit of work prepares to commit. Without a unit of work a row is written at once.
 */
public final class CommitBatches {

    private CommitBatches() {
    }

    /**
     * Adds a row to the current batch of the given kind, which {@code writer} writes before the batch commits.
     *
     * @param kind   names the batch among the unit of work's resources; one per projection
     * @param row    the row to write
     * @param writer writes a batch's rows in one go
     */
    public static <T> void add(String kind, T row, Consumer<List<T>> writer) {
        if (!CurrentUnitOfWork.isStarted()) {
            writer.accept(List.of(row));
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<T> rows = batch.getOrComputeResource(kind, key -> {
            List<T> pending = new ArrayList<>();
            batch.onPrepareCommit(committing -> writer.accept(pending));
            return pending;
        });
        rows.add(row);
    }
}
