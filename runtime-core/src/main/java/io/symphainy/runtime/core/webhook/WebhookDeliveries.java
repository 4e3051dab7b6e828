package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.webhook.messages.FindWebhookDeliveriesQuery;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryId;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * What operators see of, and do with, webhook deliveries; always within one tenant.
 */
@Component
public class WebhookDeliveries {

    /** What became of a retry request. */
    public enum RetryOutcome {
        /** The delivery is pending again, with fresh attempts. */
        REQUEUED,
        /** The tenant has no such delivery. */
        NOT_FOUND,
        /** The delivery exists but has not failed for good. */
        NOT_FAILED
    }

    private final WebhookDeliveryTable table;

    WebhookDeliveries(WebhookDeliveryTable table) {
        this.table = table;
    }

    @QueryHandler
    public List<WebhookDeliveryView> handle(FindWebhookDeliveriesQuery query) {
        return table.find(query.tenantId(), query.status(), query.webhookId(), query.limit());
    }

    /** One delivery of the tenant. */
    public Optional<WebhookDeliveryView> find(TenantId tenantId, WebhookDeliveryId deliveryId) {
        return table.findOne(tenantId, deliveryId).stream().findFirst();
    }

    /** Makes a failed delivery pending again, due at once, with its attempts counted from zero. */
    public RetryOutcome retry(TenantId tenantId, WebhookDeliveryId deliveryId) {
        if (table.requeueFailed(tenantId, deliveryId, Instant.now())) {
            return RetryOutcome.REQUEUED;
        }
        return find(tenantId, deliveryId).isPresent() ? RetryOutcome.NOT_FAILED : RetryOutcome.NOT_FOUND;
    }
}
