package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import java.util.List;

/**
 * Marks a submitted intent as the resumption of a failed or compensated execution: the new execution reuses the
 * given steps' recorded outputs and starts at the first step after them.
 *
 * @param resumedFrom the execution being resumed
 * @param requestedBy the operator who asked for the resumption
 * @param reusedSteps the leading steps whose recorded outputs are reused, in plan order
 */
public record Resumption(ExecutionId resumedFrom, UserId requestedBy, List<ReusedStep> reusedSteps) {

    public Resumption {
        reusedSteps = reusedSteps == null ? List.of() : List.copyOf(reusedSteps);
    }
}
