package io.symphainy.runtime.api.webhook;

import java.util.List;

/**
 * Answer of {@code GET /webhooks/deliveries}: the tenant's deliveries, newest first.
 */
public record WebhookDeliveryListResponse(List<WebhookDeliveryResponse> deliveries) {
}
