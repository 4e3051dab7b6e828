package io.symphainy.runtime.core.webhook.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.Set;

/**
 * A tenant registered a webhook endpoint. The secret is kept, sealed, so that deliveries can be signed; no read view
 * exposes it. Events recorded before secrets were sealed hold it in plain text, and are still honoured.
 */
public record WebhookRegisteredEvent(
        WebhookId webhookId,
        TenantId tenantId,
        String url,
        Set<WebhookEventType> events,
        String description,
        String secret) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookRegisteredEvent[webhookId=" + webhookId + ", tenantId=" + tenantId + ", url=" + url
                + ", events=" + events + "]";
    }
}
