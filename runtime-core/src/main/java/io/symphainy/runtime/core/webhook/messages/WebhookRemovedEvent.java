package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * A tenant removed a webhook endpoint.
 */
public record WebhookRemovedEvent(WebhookId webhookId, TenantId tenantId) {
}
