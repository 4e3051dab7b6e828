package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.secret.SecretSealer;
import io.symphainy.runtime.core.webhook.messages.WebhookId;

/**
 * How a webhook's signing secret is stored: sealed by the {@link SecretSealer} for that one webhook, so neither the
 * event store nor the endpoint read model holds it in plain text.
 */
public final class WebhookSecrets {

    private WebhookSecrets() {
    }

    /** The sealing context of a webhook's secret: a sealed secret opens only for the webhook it was sealed for. */
    public static String context(WebhookId webhookId) {
        return "webhook:" + webhookId;
    }

    /** The stored form of a new webhook's secret. */
    public static String seal(SecretSealer sealer, WebhookId webhookId, String secret) {
        return sealer.seal(secret, context(webhookId));
    }
}
