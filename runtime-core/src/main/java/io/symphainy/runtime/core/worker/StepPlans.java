package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import java.time.Duration;
import java.util.Optional;

/**
 * What the plan of an attempt's capability version says about its step: the definition, the timeout, whether one
 * follows.
 */
final class StepPlans {

    private final Curator curator;
    private final Duration defaultTimeout;

    StepPlans(Curator curator, Duration defaultTimeout) {
        this.curator = curator;
        this.defaultTimeout = defaultTimeout;
    }

    /** Whether this node has the attempt's capability in the attempt's version. */
    boolean hasVersionOf(StepInvocation invocation) {
        return curator.named(invocation.capability(), invocation.capabilityVersion()).isPresent();
    }

    /** The step the attempt runs; nothing when its capability version is not here or its plan has no such step. */
    Optional<StepDefinition> definitionOf(StepInvocation invocation) {
        return capabilityWithStep(invocation, invocation.stepIndex())
                .map(capability -> capability.step(invocation.stepIndex()));
    }

    /** The step's own timeout, else the default one. */
    Duration timeoutOf(StepInvocation invocation) {
        return capabilityWithStep(invocation, invocation.stepIndex())
                .map(capability -> Duration.ofMillis(capability.plan().get(invocation.stepIndex()).timeoutMillis()))
                .orElse(defaultTimeout);
    }

    /** Whether the plan has a step after the attempt's. */
    boolean hasStepAfter(StepInvocation invocation) {
        return capabilityWithStep(invocation, invocation.stepIndex() + 1).isPresent();
    }

    private Optional<RegisteredCapability> capabilityWithStep(StepInvocation invocation, int stepIndex) {
        return curator.named(invocation.capability(), invocation.capabilityVersion())
                .filter(capability -> stepIndex < capability.plan().size());
    }
}
