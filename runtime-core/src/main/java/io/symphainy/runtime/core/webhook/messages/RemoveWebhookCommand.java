package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Removes a webhook endpoint: it receives no new deliveries.
 */
public record RemoveWebhookCommand(@TargetAggregateIdentifier WebhookId webhookId, TenantId tenantId) {
}
