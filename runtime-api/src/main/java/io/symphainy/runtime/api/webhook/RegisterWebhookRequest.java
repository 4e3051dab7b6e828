package io.symphainy.runtime.api.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /webhooks}.
 *
 * @param url         where deliveries are POSTed; http or https
 * @param events      the event types to receive, e.g. {@code execution.completed}
 * @param description free text for the tenant's administrators
 */
public record RegisterWebhookRequest(
        @NotBlank String url,
        @NotEmpty List<@NotBlank String> events,
        @Size(max = 1024) String description) {
}
