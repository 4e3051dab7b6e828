package io.symphainy.runtime.api.webhook;

import java.util.List;

/**
 * Answer of {@code GET /webhooks}: the tenant's endpoints, oldest first, without secrets.
 */
public record WebhookListResponse(List<WebhookResponse> webhooks) {
}
