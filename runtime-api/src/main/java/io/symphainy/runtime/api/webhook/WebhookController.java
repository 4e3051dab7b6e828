package io.symphainy.runtime.api.webhook;

import static io.symphainy.runtime.api.web.QueryParameters.invalid;

import io.symphainy.runtime.api.error.FieldViolation;
import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.error.Problems;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.api.web.RuntimeCommands;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.secret.SecretSealer;
import io.symphainy.runtime.core.webhook.WebhookDeliveries;
import io.symphainy.runtime.core.webhook.WebhookNotFoundException;
import io.symphainy.runtime.core.webhook.WebhookRules;
import io.symphainy.runtime.core.webhook.WebhookSecrets;
import io.symphainy.runtime.core.webhook.WebhookSignatures;
import io.symphainy.runtime.core.webhook.messages.FindWebhookDeliveriesQuery;
import io.symphainy.runtime.core.webhook.messages.FindWebhooksQuery;
import io.symphainy.runtime.core.webhook.messages.RegisterWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.RemoveWebhookCommand;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryId;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryStatus;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryView;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import io.symphainy.runtime.core.webhook.messages.WebhookView;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Webhooks: administrators register the endpoints that receive the tenant's execution events; operators watch and
 * retry the deliveries.
 */
@RestController
public class WebhookController {

    private static final int MAX_DELIVERIES = 500;

    private final RuntimeCommands commands;
    private final QueryGateway queries;
    private final WebhookDeliveries deliveries;
    private final SecretSealer sealer;

    WebhookController(RuntimeCommands commands, QueryGateway queries, WebhookDeliveries deliveries,
                      SecretSealer sealer) {
        this.commands = commands;
        this.sealer = sealer;
        this.queries = queries;
        this.deliveries = deliveries;
    }

    @PostMapping("/webhooks")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<WebhookResponse> register(RuntimePrincipal caller,
                                                    @Valid @RequestBody RegisterWebhookRequest request) {
        WebhookRules.urlProblem(request.url()).ifPresent(problem -> {
            throw new ProblemException(ProblemCode.INVALID_WEBHOOK_URL, problem);
        });
        Set<WebhookEventType> events = eventTypes(request.events());
        WebhookId webhookId = WebhookId.random();
        String secret = WebhookSignatures.newSecret();
        commands.send(caller, null, new RegisterWebhookCommand(webhookId, RuntimeCommands.tenantOf(caller),
                request.url(), events, request.description(), WebhookSecrets.seal(sealer, webhookId, secret)));
        WebhookView registered = find(caller, webhookId).orElseThrow(() -> new IllegalStateException(
                "webhook " + webhookId + " was recorded but not projected"));
        return ResponseEntity.created(URI.create("/webhooks/" + webhookId))
                .body(WebhookResponse.withSecret(registered, secret));
    }

    @GetMapping("/webhooks")
    @PreAuthorize("hasAnyRole('ADMIN', 'OPERATOR')")
    public WebhookListResponse list(RuntimePrincipal caller) {
        return new WebhookListResponse(webhooks(caller).stream().map(WebhookResponse::of).toList());
    }

    @DeleteMapping("/webhooks/{webhook_id}")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<Void> remove(RuntimePrincipal caller, @PathVariable("webhook_id") UUID rawId) {
        WebhookId webhookId = new WebhookId(rawId);
        ProblemException notFound = new ProblemException(ProblemCode.WEBHOOK_NOT_FOUND,
                "webhook " + webhookId + " not found");
        if (find(caller, webhookId).isEmpty()) {
            throw notFound;
        }
        try {
            commands.sendToExisting(caller, null, new RemoveWebhookCommand(webhookId,
                    RuntimeCommands.tenantOf(caller)), ProblemCode.WEBHOOK_NOT_FOUND, notFound.detail());
        } catch (WebhookNotFoundException otherTenant) {
            throw notFound;
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/webhooks/deliveries")
    @PreAuthorize("hasAnyRole('OPERATOR', 'ADMIN')")
    public WebhookDeliveryListResponse deliveries(RuntimePrincipal caller,
                                                  @RequestParam(name = "status", required = false) String status,
                                                  @RequestParam(name = "webhook_id", required = false) UUID webhookId,
                                                  @RequestParam(name = "limit", defaultValue = "100") int limit) {
        WebhookDeliveryStatus wanted = status == null ? null : WebhookDeliveryStatus.fromWireName(status)
                .orElseThrow(() -> invalid("status", "must be one of pending, delivered, failed"));
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw invalid("limit", "must be between 1 and " + MAX_DELIVERIES);
        }
        List<WebhookDeliveryView> found = queries.query(new FindWebhookDeliveriesQuery(
                        RuntimeCommands.tenantOf(caller), wanted, webhookId == null ? null : new WebhookId(webhookId),
                        limit), ResponseTypes.multipleInstancesOf(WebhookDeliveryView.class)).join();
        return new WebhookDeliveryListResponse(found.stream().map(WebhookDeliveryResponse::of).toList());
    }

    @PostMapping("/webhooks/deliveries/{delivery_id}/retry")
    @PreAuthorize("hasRole('OPERATOR')")
    public ResponseEntity<WebhookDeliveryResponse> retry(RuntimePrincipal caller,
                                                         @PathVariable("delivery_id") UUID rawId) {
        WebhookDeliveryId deliveryId = new WebhookDeliveryId(rawId);
        TenantId tenantId = RuntimeCommands.tenantOf(caller);
        switch (deliveries.retry(tenantId, deliveryId)) {
            case NOT_FOUND -> throw new ProblemException(ProblemCode.WEBHOOK_DELIVERY_NOT_FOUND,
                    "webhook delivery " + deliveryId + " not found");
            case NOT_FAILED -> throw new ProblemException(ProblemCode.WEBHOOK_DELIVERY_NOT_FAILED);
            case REQUEUED -> {
                // answered below
            }
        }
        WebhookDeliveryView requeued = deliveries.find(tenantId, deliveryId).orElseThrow();
        return ResponseEntity.accepted().body(WebhookDeliveryResponse.of(requeued));
    }

    private List<WebhookView> webhooks(RuntimePrincipal caller) {
        return queries.query(new FindWebhooksQuery(RuntimeCommands.tenantOf(caller)),
                ResponseTypes.multipleInstancesOf(WebhookView.class)).join();
    }

    private Optional<WebhookView> find(RuntimePrincipal caller, WebhookId webhookId) {
        return webhooks(caller).stream().filter(webhook -> webhook.webhookId().equals(webhookId)).findFirst();
    }

    private static Set<WebhookEventType> eventTypes(List<String> names) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        List<FieldViolation> unknown = new ArrayList<>();
        for (int index = 0; index < names.size(); index++) {
            String name = names.get(index);
            String field = "events[" + index + "]";
            WebhookEventType.fromWireName(name).ifPresentOrElse(types::add, () -> unknown.add(new FieldViolation(
                    field, "unknown event type '" + name + "'; expected one of " + wireNames())));
        }
        if (!unknown.isEmpty()) {
            throw new ProblemException(ProblemCode.INVALID_REQUEST, "The request has invalid or missing values.",
                    Map.of(Problems.ERRORS_PROPERTY, unknown));
        }
        return types;
    }

    private static List<String> wireNames() {
        return EnumSet.allOf(WebhookEventType.class).stream().map(WebhookEventType::wireName).toList();
    }
}
