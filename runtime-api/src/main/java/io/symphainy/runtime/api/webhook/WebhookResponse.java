package io.symphainy.runtime.api.webhook;

import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookView;
import java.time.Instant;
import java.util.List;

/**
 * A webhook endpoint as the HTTP contract shows it. The {@code secret} is present only in the answer to its
 * registration, the one time it is shown.
 */
public record WebhookResponse(
        String webhookId,
        String tenantId,
        String url,
        List<String> events,
        String description,
        Instant createdAt,
        String secret) {

    static WebhookResponse of(WebhookView view) {
        return withSecret(view, null);
    }

    static WebhookResponse withSecret(WebhookView view, String secret) {
        return new WebhookResponse(view.webhookId().toString(), view.tenantId().value(), view.url(),
                view.events().stream().map(WebhookEventType::wireName).sorted().toList(), view.description(),
                view.createdAt(), secret);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "WebhookResponse[webhookId=" + webhookId + ", url=" + url + ", events=" + events + "]";
    }
}
