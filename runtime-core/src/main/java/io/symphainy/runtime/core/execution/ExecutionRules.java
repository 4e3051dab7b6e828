package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.util.List;
import java.util.Set;

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

    /** Only an execution the policy holds can be approved or rejected. */
    static void requireAwaitingApproval(ExecutionStatus status, ExecutionId executionId) {
        if (status != ExecutionStatus.AWAITING_APPROVAL) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_AWAITING_APPROVAL,
                    "execution " + executionId + " is " + status.wireName() + ", not awaiting approval");
        }
    }

    /** Four eyes: whoever submitted an intent cannot decide on its approval. */
    static void requireFourEyes(UserId submitter, UserId approver, ExecutionId executionId) {
        if (submitter == null || submitter.equals(approver)) {
            throw new RuleViolationException(RuleViolationCode.SELF_APPROVAL_FORBIDDEN,
                    "user " + approver + " submitted execution " + executionId + " and cannot decide on its approval");
        }
    }

    /** An approval deadline ends only an execution still waiting; one decided on in the meantime stays as it is. */
    static boolean mayExpire(ExecutionStatus status) {
        return status == ExecutionStatus.AWAITING_APPROVAL;
    }

    /** An execution can be cancelled until it reaches a terminal state. */
    static void requireCancellable(ExecutionStatus status, ExecutionId executionId) {
        if (status.isTerminal()) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_ALREADY_FINISHED,
                    "execution " + executionId + " already finished as " + status.wireName());
        }
    }

    /** Only an execution that failed or was compensated can be resumed; any other status answers a conflict. */
    static void requireResumable(ExecutionStatus status, ExecutionId executionId) {
        if (status != ExecutionStatus.FAILED && status != ExecutionStatus.COMPENSATED) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_RESUMABLE,
                    "execution " + executionId + " is " + status.wireName() + "; only a failed or compensated"
                            + " execution can be resumed");
        }
    }

    /** Until its saga starts (held for approval, or accepted), an execution keeps the signals sent to it. */
    static boolean keepsSignalsForItsSaga(ExecutionStatus status) {
        return status == ExecutionStatus.ACCEPTED || status == ExecutionStatus.AWAITING_APPROVAL;
    }

    /** A finished execution (rejected, expired and cancelled ones included) waits for no signal. */
    static void requireNotFinished(ExecutionStatus status, ExecutionId executionId) {
        if (status.isTerminal()) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_WAITING, "execution " + executionId
                    + " has finished as " + status.wireName() + " and waits for no signal");
        }
    }

    /**
     * The step a signal sent before the saga starts is kept for: the first wait step for its name after the steps a
     * resumption reuses that holds no kept signal yet, as the saga would choose once started.
     */
    static PlannedStep keptSignalTarget(List<PlannedStep> plan, int reusedSteps, Set<Integer> keptSteps,
                                        String signal, ExecutionId executionId) {
        return plan.stream()
                .filter(step -> step.waitsForSignal() && signal.equals(step.signal().name()))
                .filter(step -> step.index() >= reusedSteps && !keptSteps.contains(step.index()))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(RuleViolationCode.EXECUTION_NOT_WAITING, "execution "
                        + executionId + " will not wait for a signal named '" + signal + "', or holds one for each"
                        + " of its steps that will"));
    }
}
