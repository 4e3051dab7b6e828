package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rules that decide whether a failed attempt is tried again, how long to wait, and what to compensate.
 */
public final class SagaRules {

    private SagaRules() {
    }

    /** Another tenant's saga answers as if its execution did not exist. */
    static void requireSameTenant(TenantId owner, TenantId caller, SagaId sagaId) {
        if (!owner.equals(caller)) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_FOUND, "saga " + sagaId + " not found");
        }
    }

    /**
     * A failed attempt is tried again when the step called the failure retryable, the policy does not exclude its
     * code, and attempts remain.
     */
    public static boolean mayRetry(RetryPolicy policy, int failedAttempt, String errorCode, boolean retryable) {
        return retryable
                && !policy.nonRetryableCodes().contains(errorCode)
                && failedAttempt < policy.maxAttempts();
    }

    /** The wait after the given failed attempt: the initial delay grown by the multiplier, capped at the maximum. */
    public static long backoffMillis(RetryPolicy policy, int failedAttempt) {
        double grown = policy.initialDelay().toMillis() * Math.pow(policy.multiplier(), failedAttempt - 1);
        return (long) Math.min(grown, policy.maxDelay().toMillis());
    }

    /** The completed steps that have a compensation, latest first: the order in which they are undone. */
    public static List<PlannedStep> compensationOrder(List<PlannedStep> plan, List<Integer> completedSteps) {
        List<PlannedStep> order = new ArrayList<>();
        for (Integer index : completedSteps) {
            PlannedStep step = plan.get(index);
            if (step.compensable()) {
                order.add(step);
            }
        }
        Collections.reverse(order);
        return order;
    }
}
