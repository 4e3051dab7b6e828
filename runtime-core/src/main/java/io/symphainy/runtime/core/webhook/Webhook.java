package io.symphainy.runtime.core.webhook;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.webhook.messages.RegisterWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.RemoveWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import io.symphainy.runtime.core.webhook.messages.WebhookRegisteredEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookRemovedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One webhook endpoint of a tenant: registered once, removed at most once.
 */
@Aggregate
public class Webhook {

    @AggregateIdentifier
    private WebhookId webhookId;
    private TenantId tenantId;
    private boolean removed;

    /** Axon needs a no-arg constructor to rebuild the aggregate from its events. */
    protected Webhook() {
    }

    @CommandHandler
    public Webhook(RegisterWebhookCommand command) {
        WebhookRules.urlProblem(command.url()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (command.events() == null || command.events().isEmpty()) {
            throw new IllegalArgumentException("a webhook must subscribe to at least one event type");
        }
        apply(new WebhookRegisteredEvent(command.webhookId(), command.tenantId(), command.url(), command.events(),
                command.description(), command.secret()));
    }

    @CommandHandler
    public void handle(RemoveWebhookCommand command) {
        if (!tenantId.equals(command.tenantId())) {
            throw new WebhookNotFoundException(webhookId);
        }
        if (!removed) {
            apply(new WebhookRemovedEvent(webhookId, tenantId));
        }
    }

    @EventSourcingHandler
    void on(WebhookRegisteredEvent event) {
        webhookId = event.webhookId();
        tenantId = event.tenantId();
    }

    @EventSourcingHandler
    void on(WebhookRemovedEvent event) {
        removed = true;
    }
}
