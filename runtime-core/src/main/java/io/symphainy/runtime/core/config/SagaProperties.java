package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of step execution.
 *
 * @param defaultStepTimeout  how long one attempt of a step may run when its definition names no timeout
 * @param timeoutGrace        how long after its timeout an attempt without a recorded outcome counts as lost: the
 *                            worker's own timer reports first, the loss scan covers a worker lost with its node
 * @param workerThreads       threads running step work
 * @param workerQueueCapacity step attempts waiting for a thread before new ones are refused (the loss scan retries them)
 * @param reportGroupSize     outcomes recorded together in one transaction at most, when that many wait
 * @param reportRecorders     threads recording groups of outcomes side by side; one tenant's outcomes use one at a time
 * @param lossScanInterval    how often the loss scan looks for attempts whose outcome is overdue
 */
@ConfigurationProperties("runtime.saga")
public record SagaProperties(
        @DefaultValue("30s") Duration defaultStepTimeout,
        @DefaultValue("5s") Duration timeoutGrace,
        @DefaultValue("16") int workerThreads,
        @DefaultValue("10000") int workerQueueCapacity,
        @DefaultValue("32") int reportGroupSize,
        @DefaultValue("4") int reportRecorders,
        @DefaultValue("1s") Duration lossScanInterval) {
}
