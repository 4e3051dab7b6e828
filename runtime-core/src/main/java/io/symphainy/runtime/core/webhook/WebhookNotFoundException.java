package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.webhook.messages.WebhookId;

/**
 * A command named a webhook that does not exist for the caller's tenant.
 */
public class WebhookNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public WebhookNotFoundException(WebhookId webhookId) {
        super("webhook " + webhookId + " not found");
    }
}
