package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;

/**
 * The tenant's registered webhook endpoints, oldest first; answered with a list of {@link WebhookView}.
 */
public record FindWebhooksQuery(TenantId tenantId) {
}
