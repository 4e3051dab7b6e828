package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingApprovalEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryId;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of webhooks: for every execution event a tenant's endpoints subscribe to, it queues one
 * delivery per endpoint in the transaction that advances its tracking token, so an event is queued exactly once
 * however often it is handled. A reset never queues anything again, and on its first start the processor begins at
 * the head of the event store, so history is never sent.
 */
@Component
@ProcessingGroup(WebhookOutbox.PROCESSING_GROUP)
public class WebhookOutbox {

    /** The processing group, and name, of the outbox's processor. */
    public static final String PROCESSING_GROUP = "webhook-outbox";

    private final WebhookEndpointTable endpoints;
    private final WebhookDeliveryTable deliveries;

    WebhookOutbox(WebhookEndpointTable endpoints, WebhookDeliveryTable deliveries) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
    }

    @EventHandler
    @DisallowReplay
    void on(ExecutionAwaitingApprovalEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("rule", event.rule());
        data.put("policy_version", event.policyVersion());
        data.put("approval_deadline", event.approvalDeadline() == null ? null : event.approvalDeadline().toString());
        data.values().removeIf(Objects::isNull);
        queue(WebhookEventType.EXECUTION_AWAITING_APPROVAL, eventId, at, event.tenantId(), event.executionId(), data);
    }

    @EventHandler
    @DisallowReplay
    void on(StepAwaitingSignalEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", event.stepName());
        data.put("attempt", event.attempt());
        data.put("signal", event.signal());
        data.put("signal_deadline", event.deadline().toString());
        queue(WebhookEventType.EXECUTION_WAITING, eventId, at, event.tenantId(), event.executionId(), data);
    }

    @EventHandler
    @DisallowReplay
    void on(ExecutionCompletedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        queue(WebhookEventType.EXECUTION_COMPLETED, eventId, at, event.tenantId(), event.executionId(),
                Map.of("result_references", event.resultReferences() == null ? Map.of() : event.resultReferences()));
    }

    @EventHandler
    @DisallowReplay
    void on(ExecutionFailedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        queue(WebhookEventType.EXECUTION_FAILED, eventId, at, event.tenantId(), event.executionId(),
                WebhookBodies.failure(event.failedStep(), event.errorCode(), event.errorMessage()));
    }

    @EventHandler
    @DisallowReplay
    void on(ExecutionCompensatedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        queue(WebhookEventType.EXECUTION_COMPENSATED, eventId, at, event.tenantId(), event.executionId(),
                WebhookBodies.failure(event.failedStep(), event.errorCode(), event.errorMessage()));
    }

    private void queue(WebhookEventType type, String eventId, Instant at, TenantId tenantId, ExecutionId executionId,
                       Map<String, Object> data) {
        String body = WebhookBodies.body(type, eventId, at, tenantId, executionId, data);
        for (WebhookId webhookId : endpoints.subscribers(tenantId, type)) {
            deliveries.queue(WebhookDeliveryId.of(webhookId, eventId), webhookId, tenantId, eventId, type,
                    executionId, body, at);
        }
    }
}
