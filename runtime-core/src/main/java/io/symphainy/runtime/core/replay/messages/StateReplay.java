package io.symphainy.runtime.core.replay.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import java.util.List;

/**
 * The state folded from an execution's events beside the State Surface's record of it.
 *
 * @param foldedEvents how many events were folded
 * @param lastIndex    the index of the last folded event, or -1 when none was
 * @param saga         null when the saga had not started at that point
 * @param recorded     the State Surface record; null when it has none
 * @param drift        the fields that differ; compared only when the whole record was folded
 */
public record StateReplay(
        int foldedEvents,
        int lastIndex,
        ExecutionSnapshot execution,
        SagaSnapshot saga,
        ExecutionStateView recorded,
        List<StateDrift> drift) {
}
