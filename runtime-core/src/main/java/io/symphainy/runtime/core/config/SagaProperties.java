package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of step execution.
 *
 * @param defaultStepTimeout  how long one attempt of a step may run when its definition names no timeout
 * @param timeoutGrace        extra time before the persistent timeout deadline fires; the worker's own timer reports
 *                            first, the deadline covers a worker lost with its process
 * @param workerThreads       threads running step work
 * @param workerQueueCapacity step attempts waiting for a thread before new ones are refused (their deadlines retry them)
 * @param handOffNextStep     when a step's success starts the next step and this node runs every segment of the
 *                            coordinator, the worker runs the next step at once instead of waiting for the
 *                            coordinator to read the start from the event store; and when it completes the saga, the
 *                            worker closes the execution at once (the coordinator's own closing then changes nothing)
 */
@ConfigurationProperties("runtime.saga")
public record SagaProperties(
        @DefaultValue("30s") Duration defaultStepTimeout,
        @DefaultValue("5s") Duration timeoutGrace,
        @DefaultValue("16") int workerThreads,
        @DefaultValue("10000") int workerQueueCapacity,
        @DefaultValue("true") boolean handOffNextStep) {
}
