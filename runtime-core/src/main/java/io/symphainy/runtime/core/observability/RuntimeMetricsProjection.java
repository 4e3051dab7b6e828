package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionExpiredEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionRejectedByApproverEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.IntentRejectedEvent;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.saga.messages.CompensationStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepRetryScheduledEvent;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * Records the runtime's meters from the events the runtime recorded, not from what it attempted: an intent counts
 * once its acceptance is in the event store, an execution's duration runs from its acceptance to its terminal event
 * (both as recorded). The processor starts at the head of the store and never replays, so that no event is
 * counted twice.
 */
@Component
@DisallowReplay
@ProcessingGroup(RuntimeMetricsProjection.PROCESSING_GROUP)
public class RuntimeMetricsProjection {

    /** The processing group, and name, of the metrics processor. */
    public static final String PROCESSING_GROUP = "runtime-metrics";

    private final RuntimeMeters meters;
    private final MeteredExecutions executions;

    RuntimeMetricsProjection(RuntimeMeters meters, MeteredExecutions executions) {
        this.meters = meters;
        this.executions = executions;
    }

    @EventHandler
    void on(IntentAcceptedEvent event, @Timestamp Instant at) {
        String capability = event.capability() == null ? RuntimeMeters.UNKNOWN : event.capability();
        executions.accepted(event.executionId(), tenant(event.tenantId()), capability, at);
        meters.intentAccepted(tenant(event.tenantId()), capability);
    }

    @EventHandler
    void on(IntentRejectedEvent event) {
        meters.intentRejected(tenant(event.tenantId()), event.code() == null ? null : event.code().name());
    }

    @EventHandler
    void on(StepStartedEvent event) {
        meters.stepAttemptStarted(tenant(event.tenantId()), executions.capabilityOf(event.executionId()),
                event.stepName());
    }

    @EventHandler
    void on(StepSucceededEvent event) {
        meters.stepAttemptFinished(tenant(event.tenantId()), executions.capabilityOf(event.executionId()),
                event.stepName(), "succeeded", event.durationMillis());
    }

    @EventHandler
    void on(StepFailedEvent event) {
        meters.stepAttemptFinished(tenant(event.tenantId()), executions.capabilityOf(event.executionId()),
                event.stepName(), "failed", event.durationMillis());
    }

    @EventHandler
    void on(StepRetryScheduledEvent event) {
        meters.retryScheduled(tenant(event.tenantId()), executions.capabilityOf(event.executionId()),
                event.stepName(), event.phase() == null ? null : event.phase().name());
    }

    @EventHandler
    void on(CompensationStartedEvent event) {
        meters.compensationStarted(tenant(event.tenantId()), executions.capabilityOf(event.executionId()));
    }

    @EventHandler
    void on(ExecutionCompletedEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "completed", at);
    }

    @EventHandler
    void on(ExecutionFailedEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "failed", at);
    }

    @EventHandler
    void on(ExecutionCompensatedEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "compensated", at);
    }

    @EventHandler
    void on(ExecutionCancelledEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "cancelled", at);
    }

    @EventHandler
    void on(ExecutionRejectedByApproverEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "rejected", at);
    }

    @EventHandler
    void on(ExecutionExpiredEvent event, @Timestamp Instant at) {
        finished(event.executionId(), event.tenantId(), "expired", at);
    }

    /** The first terminal event of an execution times it; an execution accepted before the meters ran is not timed. */
    private void finished(ExecutionId executionId, TenantId tenantId, String outcome, Instant at) {
        executions.finished(executionId).ifPresent(execution -> meters.executionFinished(tenant(tenantId),
                execution.capability(), outcome, durationBetween(execution.acceptedAt(), at)));
    }

    private static Duration durationBetween(Instant from, Instant to) {
        Duration duration = Duration.between(from, to);
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String tenant(TenantId tenantId) {
        return tenantId == null ? RuntimeMeters.UNKNOWN : tenantId.value();
    }
}
