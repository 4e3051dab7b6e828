package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;

/**
 * The rules that decide which lifecycle changes an execution takes.
 */
final class ExecutionRules {

    private ExecutionRules() {
    }

    /** Another tenant's execution answers as if it did not exist. */
    static void requireSameTenant(TenantId owner, TenantId caller, ExecutionId executionId) {
        if (!owner.equals(caller)) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_FOUND,
                    "execution " + executionId + " not found");
        }
    }

    /** Only an accepted execution can start; a repeated start changes nothing. */
    static boolean mayStart(ExecutionStatus status) {
        return status == ExecutionStatus.ACCEPTED;
    }

    /**
     * A terminal execution ignores later outcomes: a cancelled execution's saga still reports how its compensation
     * ended, and that report must not overwrite the cancellation.
     */
    static boolean mayFinish(ExecutionStatus status) {
        return !status.isTerminal();
    }

    /** Compensation starts once, from a running execution. */
    static boolean mayStartCompensating(ExecutionStatus status) {
        return status == ExecutionStatus.RUNNING;
    }

    /** An execution can be cancelled until it reaches a terminal state. */
    static void requireCancellable(ExecutionStatus status, ExecutionId executionId) {
        if (status.isTerminal()) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_ALREADY_FINISHED,
                    "execution " + executionId + " already finished as " + status.wireName());
        }
    }
}
