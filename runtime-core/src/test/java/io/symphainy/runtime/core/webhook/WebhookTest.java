package io.symphainy.runtime.core.webhook;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.webhook.messages.RegisterWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.RemoveWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import io.symphainy.runtime.core.webhook.messages.WebhookRegisteredEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookRemovedEvent;
import java.util.Set;
import java.util.UUID;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookTest {

    private static final WebhookId WEBHOOK = new WebhookId(UUID.fromString("00000000-0000-0000-0000-0000000000a1"));
    private static final TenantId TENANT = new TenantId("tenant-a");
    private static final TenantId OTHER_TENANT = new TenantId("tenant-b");
    private static final Set<WebhookEventType> EVENTS = Set.of(WebhookEventType.EXECUTION_COMPLETED);
    private static final String URL = "https://hooks.example.com/in";

    private FixtureConfiguration<Webhook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Webhook.class);
    }

    @Test
    void registersAnEndpointWithItsSecret() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(WEBHOOK, TENANT, URL, EVENTS, "ops", "whsec_x"))
                .expectEvents(registered());
    }

    @Test
    void refusesAUrlThatIsNotHttp() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(WEBHOOK, TENANT, "ftp://example.com", EVENTS, null, "whsec_x"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnEndpointWithoutEvents() {
        fixture.givenNoPriorActivity()
                .when(new RegisterWebhookCommand(WEBHOOK, TENANT, URL, Set.of(), null, "whsec_x"))
                .expectException(IllegalArgumentException.class);
    }

    @Test
    void removesOnce() {
        fixture.given(registered())
                .when(new RemoveWebhookCommand(WEBHOOK, TENANT))
                .expectEvents(new WebhookRemovedEvent(WEBHOOK, TENANT));
        fixture.given(registered(), new WebhookRemovedEvent(WEBHOOK, TENANT))
                .when(new RemoveWebhookCommand(WEBHOOK, TENANT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherTenantsRemovalFindsNothing() {
        fixture.given(registered())
                .when(new RemoveWebhookCommand(WEBHOOK, OTHER_TENANT))
                .expectException(WebhookNotFoundException.class)
                .expectNoEvents();
    }

    private static WebhookRegisteredEvent registered() {
        return new WebhookRegisteredEvent(WEBHOOK, TENANT, URL, EVENTS, "ops", "whsec_x");
    }
}
