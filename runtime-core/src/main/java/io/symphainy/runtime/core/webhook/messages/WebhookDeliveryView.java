package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;

/**
 * One delivery of an execution event to a webhook endpoint and how its attempts went.
 *
 * @param lastStatusCode the HTTP status of the last attempt; null when it got no response
 * @param lastError      why the last attempt failed; null after a success
 */
public record WebhookDeliveryView(
        WebhookDeliveryId deliveryId,
        WebhookId webhookId,
        TenantId tenantId,
        WebhookEventType eventType,
        ExecutionId executionId,
        WebhookDeliveryStatus status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt) {
}
