package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * The tenant's webhook deliveries, newest first; answered with a list of {@link WebhookDeliveryView}.
 *
 * @param status    only deliveries in this status; null for all
 * @param webhookId only deliveries to this endpoint; null for all
 * @param limit     at most this many
 */
public record FindWebhookDeliveriesQuery(
        TenantId tenantId,
        WebhookDeliveryStatus status,
        WebhookId webhookId,
        int limit) {
}
