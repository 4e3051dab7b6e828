package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.webhook.messages.FindWebhooksQuery;
import io.symphainy.runtime.core.webhook.messages.WebhookRegisteredEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookRemovedEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookView;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The registered webhook endpoints. Its processor subscribes to the event bus, so the row is written in the
 * transaction that records the registration: an endpoint is listed, and receives deliveries, as soon as its
 * registration is acknowledged.
 */
@Component
@ProcessingGroup(WebhookEndpointProjection.PROCESSING_GROUP)
public class WebhookEndpointProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "webhook-endpoints";

    private final WebhookEndpointTable table;

    WebhookEndpointProjection(WebhookEndpointTable table) {
        this.table = table;
    }

    @EventHandler
    void on(WebhookRegisteredEvent event, @Timestamp Instant at) {
        table.insert(event, at);
    }

    @EventHandler
    void on(WebhookRemovedEvent event, @Timestamp Instant at) {
        table.markRemoved(event.webhookId(), at);
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    public List<WebhookView> handle(FindWebhooksQuery query) {
        return table.findActive(query.tenantId());
    }
}
