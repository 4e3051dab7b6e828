package io.symphainy.runtime.api.replay;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntentId;
import java.util.List;

/**
 * The answer to {@code POST /execution/{id}/resume}: the new execution of the same intent, accepted at once or held
 * for approval by the tenant's policy.
 *
 * @param resumedFrom the execution that was resumed
 * @param reusedSteps the steps whose recorded outputs the new execution takes over, in plan order; it starts at the
 *                    step after the last of them
 * @param repeated    whether this answers an earlier resumption of the same execution
 */
public record ResumedExecutionResponse(ExecutionId executionId, IntentId intentId, ExecutionStatus status,
                                       ExecutionId resumedFrom, List<String> reusedSteps, boolean repeated) {
}
