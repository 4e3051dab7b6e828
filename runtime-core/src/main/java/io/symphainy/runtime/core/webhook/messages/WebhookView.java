package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.time.Instant;
import java.util.Set;

/**
 * A registered webhook endpoint as readers see it: never with its secret.
 */
public record WebhookView(
        WebhookId webhookId,
        TenantId tenantId,
        String url,
        Set<WebhookEventType> events,
        String description,
        Instant createdAt) {
}
