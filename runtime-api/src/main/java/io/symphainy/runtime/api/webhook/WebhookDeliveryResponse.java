package io.symphainy.runtime.api.webhook;

import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryView;
import java.time.Instant;

/**
 * A webhook delivery as the HTTP contract shows it; never with its body's signature or the endpoint's secret.
 */
public record WebhookDeliveryResponse(
        String deliveryId,
        String webhookId,
        String tenantId,
        String event,
        String executionId,
        String status,
        int attempts,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatusCode,
        String lastError,
        Instant deliveredAt) {

    static WebhookDeliveryResponse of(WebhookDeliveryView view) {
        return new WebhookDeliveryResponse(view.deliveryId().toString(), view.webhookId().toString(),
                view.tenantId().value(), view.eventType().wireName(), view.executionId().toString(),
                view.status().wireName(), view.attempts(), view.createdAt(), view.nextAttemptAt(),
                view.lastAttemptAt(), view.lastStatusCode(), view.lastError(), view.deliveredAt());
    }
}
