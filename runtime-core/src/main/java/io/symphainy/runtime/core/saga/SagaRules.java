package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

    /**
     * The step a signal is for: the first wait step for its name that has not completed, is not behind the saga's
     * current step and holds no kept signal yet. A finished, compensating or cancelled saga waits for nothing.
     */
    static PlannedStep signalTarget(SagaStartedEvent started, SagaProgress progress, SignalBook signals,
                                    String signal) {
        if (!progress.movesForward() || progress.abortRequested()) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_WAITING, "execution "
                    + started.executionId() + " has finished and waits for no signal");
        }
        List<Integer> completed = progress.completedSteps();
        return started.steps().stream()
                .filter(step -> step.waitsForSignal() && signal.equals(step.signal().name()))
                .filter(step -> step.index() >= progress.currentStep() && !completed.contains(step.index())
                        && !signals.holdsKeptSignal(step.index()))
                .findFirst()
                .orElseThrow(() -> new RuleViolationException(RuleViolationCode.EXECUTION_NOT_WAITING, "execution "
                        + started.executionId() + " does not, or no longer, wait for a signal named '" + signal
                        + "'"));
    }

    /** A signal's payload must satisfy the schema its wait step declares in the execution's capability version. */
    static void requireValidSignalPayload(Curator curator, String capability, String version, PlannedStep step,
                                          Map<String, Object> payload) {
        List<String> violations = curator.named(capability, version)
                .map(registered -> registered.signalViolationsOf(step.index(), payload))
                .orElse(List.of());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(RuleViolationCode.SIGNAL_PAYLOAD_INVALID, "the payload of signal '"
                    + step.signal().name() + "' does not satisfy the schema of step '" + step.name() + "': "
                    + String.join("; ", violations));
        }
    }
}
