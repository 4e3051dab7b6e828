package io.symphainy.runtime.core.common.messages;

import io.symphainy.runtime.core.execution.messages.ExecutionId;

/**
 * A message that belongs to one execution, so projections can keep that execution's events in order.
 */
public interface ExecutionScoped {

    /** The execution this message belongs to. */
    ExecutionId executionId();
}
