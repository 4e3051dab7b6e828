package io.symphainy.runtime.core.replay.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.util.List;

/**
 * What a replay found. Only the part of its mode is present: {@code events} for {@code events_only}, {@code state}
 * for {@code state_only}, {@code steps} for {@code full}.
 *
 * @param outcome a one-line summary, also recorded on the execution
 * @param policy  with {@code policy: "current"} in any mode: the recorded decision beside today's; null otherwise
 */
public record ReplayReport(
        ExecutionId executionId,
        String mode,
        String outcome,
        List<ReplayedEvent> events,
        StateReplay state,
        List<StepReplay> steps,
        PolicyComparison policy) {

    /** A report without a policy comparison. */
    public ReplayReport(ExecutionId executionId, String mode, String outcome, List<ReplayedEvent> events,
                        StateReplay state, List<StepReplay> steps) {
        this(executionId, mode, outcome, events, state, steps, null);
    }
}
