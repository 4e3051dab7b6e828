package io.symphainy.runtime.api.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.secret.SecretSealer;
import io.symphainy.runtime.core.webhook.WebhookSecrets;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class WebhookHttpTest extends GovernanceHttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SecretSealer sealer;

    private final List<String> registered = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void removeWebhooks() {
        registered.forEach(id -> delete("/webhooks/" + id, ADMIN_A));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void aCompletedExecutionIsDeliveredSignedWithTheEndpointSecret() throws Exception {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(204));
        JsonNode webhook = register(ADMIN_A, receiver.url(), List.of("execution.completed", "execution.failed"));
        String secret = webhook.path("secret").asText();
        assertThat(secret).startsWith("whsec_");

        String executionId = submitEcho(SUBMITTER_A, Map.of());

        WebhookReceiver.Received delivery = awaitDeliveryOf(receiver, executionId);
        String expected = "sha256=" + hmacHex(secret, delivery.body());
        assertThat(delivery.header("X-Symphainy-Signature")).isEqualTo(expected);
        assertThat(delivery.header("X-Symphainy-Event")).isEqualTo("execution.completed");
        assertThat(delivery.header("X-Symphainy-Delivery")).isNotBlank();
        assertThat(Long.parseLong(delivery.header("X-Symphainy-Timestamp")))
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(60L));
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = JSON.readTree(delivery.body());
        assertThat(body.path("event").asText()).isEqualTo("execution.completed");
        assertThat(body.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(body.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(body.path("event_id").asText()).isNotBlank();

        JsonNode shown = awaitDelivery(OPERATOR_A, webhook.path("webhook_id").asText(), executionId, "delivered");
        assertThat(shown.path("delivery_id").asText()).isEqualTo(delivery.header("X-Symphainy-Delivery"));
        assertThat(shown.path("attempts").asInt()).isEqualTo(1);
        assertThat(shown.path("last_status_code").asInt()).isEqualTo(204);
    }

    @Test
    void aStepWaitingForASignalIsAnnouncedAsExecutionWaiting() throws Exception {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(204));
        register(ADMIN_A, receiver.url(), List.of("execution.waiting"));
        Response session = post("/session/create", SUBMITTER_A, Map.of("context", Map.of()));
        Response accepted = post("/intent/submit", SUBMITTER_A, Map.of("session_id", session.text("session_id"),
                "intent_type", "diagnostics.await", "payload", Map.of("signal", "webhook-go")));
        assertStatus(accepted, 202);
        String executionId = accepted.text("execution_id");

        WebhookReceiver.Received delivery = awaitDeliveryOf(receiver, executionId);

        assertThat(delivery.header("X-Symphainy-Event")).isEqualTo("execution.waiting");
        JsonNode body = parse(delivery.body());
        assertThat(body.path("data").path("step").asText()).isEqualTo("wait");
        assertThat(body.path("data").path("signal").asText()).isEqualTo("webhook-go");
        assertThat(body.path("data").path("signal_deadline").asText()).isNotBlank();
        assertStatus(post("/execution/" + executionId + "/signal", SUBMITTER_A, Map.of("name", "webhook-go")), 202);
    }

    @Test
    void theSecretIsSealedInTheEventStoreAndTheReadModel() {
        JsonNode webhook = register(ADMIN_A, "http://127.0.0.1:9/unused", List.of("execution.completed"));
        String secret = webhook.path("secret").asText();
        String webhookId = webhook.path("webhook_id").asText();

        List<String> recorded = jdbc.queryForList("select payload::text from domain_event_entry"
                + " where aggregate_identifier = ? and payload_type like '%WebhookRegisteredEvent'", String.class,
                webhookId);
        List<String> projected = jdbc.queryForList("select secret from webhook_endpoint where webhook_id = ?::uuid",
                String.class, webhookId);

        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0)).doesNotContain(secret).doesNotContain(secret.substring("whsec_".length()))
                .contains(SecretSealer.PREFIX);
        assertThat(projected).hasSize(1);
        assertThat(projected.get(0)).startsWith(SecretSealer.PREFIX).doesNotContain(secret);
        assertThat(sealer.unseal(projected.get(0), WebhookSecrets.context(new WebhookId(UUID.fromString(webhookId)))))
                .isEqualTo(secret);
    }

    @Test
    void anEndpointOnlyReceivesTheEventsItSubscribedTo() {
        WebhookReceiver failures = receiver(WebhookReceiver.answering(200));
        String webhookId = register(ADMIN_A, failures.url(), List.of("execution.failed", "execution.compensated"))
                .path("webhook_id").asText();

        String completed = submitEcho(SUBMITTER_A, Map.of());
        String failed = submitEcho(SUBMITTER_A, Map.of("fail_permanently_at", 2));

        awaitDelivery(OPERATOR_A, webhookId, failed, "delivered");
        assertThat(deliveries(OPERATOR_A, "webhook_id=" + webhookId)).noneMatch(delivery ->
                delivery.path("execution_id").asText().equals(completed));
        JsonNode body = parse(awaitDeliveryOf(failures, failed).body());
        assertThat(body.path("event").asText()).isIn("execution.failed", "execution.compensated");
        assertThat(body.path("data").path("failed_step").asText()).isNotBlank();
    }

    @Test
    void aReceiverThatIsDownForAWhileStillGetsTheDelivery() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(request -> request <= 2 ? 503 : 200));
        String webhookId = register(ADMIN_A, receiver.url(), List.of("execution.completed")).path("webhook_id").asText();

        String executionId = submitEcho(SUBMITTER_A, Map.of());

        JsonNode delivery = awaitDelivery(OPERATOR_A, webhookId, executionId, "delivered");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(3);
        List<WebhookReceiver.Received> attempts = receiver.received();
        assertThat(attempts).extracting(WebhookReceiver.Received::answeredWith).containsExactly(503, 503, 200);
        assertThat(attempts).extracting(attempt -> attempt.header("X-Symphainy-Delivery")).containsOnly(
                delivery.path("delivery_id").asText());
        assertThat(attempts).extracting(attempt -> new String(attempt.body(), StandardCharsets.UTF_8))
                .as("every attempt sends the same body").containsOnly(
                        new String(attempts.get(0).body(), StandardCharsets.UTF_8));
    }

    @Test
    void aDeliveryThatFailsForGoodShowsAsFailedAndAnOperatorCanRetryIt() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(500));
        String webhookId = register(ADMIN_A, receiver.url(), List.of("execution.completed")).path("webhook_id").asText();

        String executionId = submitEcho(SUBMITTER_A, Map.of());

        JsonNode failed = awaitDelivery(OPERATOR_A, webhookId, executionId, "failed");
        assertThat(failed.path("attempts").asInt()).isEqualTo(4);
        assertThat(failed.path("last_status_code").asInt()).isEqualTo(500);
        assertThat(failed.path("last_error").asText()).isEqualTo("HTTP 500");
        assertThat(deliveries(OPERATOR_A, "status=failed")).anyMatch(delivery ->
                delivery.path("delivery_id").asText().equals(failed.path("delivery_id").asText()));
        assertThat(deliveries(ADMIN_A, "status=delivered&webhook_id=" + webhookId)).isEmpty();
        String deliveryId = failed.path("delivery_id").asText();

        receiver.answerFromNowOn(200);
        Response retried = post("/webhooks/deliveries/" + deliveryId + "/retry", OPERATOR_A, null);

        assertStatus(retried, 202);
        assertThat(retried.text("status")).isEqualTo("pending");
        assertThat(retried.json().path("attempts").asInt()).isZero();
        JsonNode delivered = awaitDelivery(OPERATOR_A, webhookId, executionId, "delivered");
        assertThat(delivered.path("attempts").asInt()).isEqualTo(1);
        assertProblem(post("/webhooks/deliveries/" + deliveryId + "/retry", OPERATOR_A, null), 409,
                "WEBHOOK_DELIVERY_NOT_FAILED");
    }

    @Test
    void listsWebhooksWithoutSecretsAndRemovesThem() {
        JsonNode webhook = register(ADMIN_A, "https://hooks.example.com/a", List.of("execution.compensated"));
        String webhookId = webhook.path("webhook_id").asText();

        for (String key : List.of(ADMIN_A, OPERATOR_A)) {
            Response list = get("/webhooks", key);
            assertStatus(list, 200);
            JsonNode listed = find(list.json().path("webhooks"), "webhook_id", webhookId);
            assertThat(listed.path("url").asText()).isEqualTo("https://hooks.example.com/a");
            assertThat(listed.path("events").toString()).isEqualTo("[\"execution.compensated\"]");
            assertThat(listed.has("secret")).isFalse();
            assertThat(list.body()).doesNotContain(webhook.path("secret").asText());
        }

        assertStatus(delete("/webhooks/" + webhookId, ADMIN_A), 204);

        assertThat(get("/webhooks", ADMIN_A).json().path("webhooks").findValuesAsText("webhook_id"))
                .doesNotContain(webhookId);
        assertProblem(delete("/webhooks/" + webhookId, ADMIN_A), 404, "WEBHOOK_NOT_FOUND");
    }

    @Test
    void refusesUrlsThatAreNotHttpAndUnknownEvents() {
        assertProblem(post("/webhooks", ADMIN_A, Map.of("url", "ftp://example.com/hook",
                "events", List.of("execution.completed"))), 422, "INVALID_WEBHOOK_URL");
        assertProblem(post("/webhooks", ADMIN_A, Map.of("url", "not a url",
                "events", List.of("execution.completed"))), 422, "INVALID_WEBHOOK_URL");
        JsonNode unknown = assertProblem(post("/webhooks", ADMIN_A, Map.of("url", "https://example.com/hook",
                "events", List.of("execution.completed", "execution.exploded"))), 400, "INVALID_REQUEST");
        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("events[1]");
        assertProblem(post("/webhooks", ADMIN_A, Map.of("url", "https://example.com/hook", "events", List.of())),
                400, "INVALID_REQUEST");
        assertProblem(post("/webhooks", ADMIN_A, Map.of("url", "https://example.com/hook", "events",
                List.of("execution.completed"), "description", "x".repeat(1025))), 400, "INVALID_REQUEST");
    }

    @Test
    void anotherTenantsWebhooksAndDeliveriesAreInvisible() {
        WebhookReceiver receiver = receiver(WebhookReceiver.answering(500));
        String webhookId = register(ADMIN_A, receiver.url(), List.of("execution.completed")).path("webhook_id").asText();
        String executionId = submitEcho(SUBMITTER_A, Map.of());
        String deliveryId = awaitDelivery(OPERATOR_A, webhookId, executionId, "failed").path("delivery_id").asText();

        assertThat(get("/webhooks", ADMIN_B).json().path("webhooks").findValuesAsText("webhook_id"))
                .doesNotContain(webhookId);
        assertThat(get("/webhooks", OPERATOR_B).json().path("webhooks").findValuesAsText("tenant_id"))
                .doesNotContain(TENANT_A);
        assertProblem(delete("/webhooks/" + webhookId, ADMIN_B), 404, "WEBHOOK_NOT_FOUND");
        assertThat(deliveries(OPERATOR_B, "webhook_id=" + webhookId)).isEmpty();
        assertThat(deliveries(OPERATOR_B, "status=failed")).noneMatch(delivery ->
                delivery.path("tenant_id").asText().equals(TENANT_A));
        assertProblem(post("/webhooks/deliveries/" + deliveryId + "/retry", OPERATOR_B, null), 404,
                "WEBHOOK_DELIVERY_NOT_FOUND");

        assertThat(get("/webhooks", ADMIN_A).json().path("webhooks").findValuesAsText("webhook_id"))
                .contains(webhookId);
        assertThat(deliveries(OPERATOR_A, "status=failed&webhook_id=" + webhookId)).hasSize(1);
    }

    @Test
    void eachEndpointRequiresItsRoles() {
        Map<String, Object> body = Map.of("url", "https://example.com/hook", "events", List.of("execution.completed"));
        for (String key : List.of(OPERATOR_A, SUBMITTER_A, AUDITOR_A)) {
            assertProblem(post("/webhooks", key, body), 403, "FORBIDDEN");
        }
        for (String key : List.of(SUBMITTER_A, AUDITOR_A)) {
            assertProblem(get("/webhooks", key), 403, "FORBIDDEN");
            assertProblem(get("/webhooks/deliveries", key), 403, "FORBIDDEN");
        }
        String webhookId = register(ADMIN_A, "https://example.com/hook", List.of("execution.completed"))
                .path("webhook_id").asText();
        for (String key : List.of(OPERATOR_A, SUBMITTER_A, AUDITOR_A)) {
            assertProblem(delete("/webhooks/" + webhookId, key), 403, "FORBIDDEN");
        }
        String anyDelivery = "/webhooks/deliveries/" + java.util.UUID.randomUUID() + "/retry";
        for (String key : List.of(ADMIN_A, SUBMITTER_A, AUDITOR_A)) {
            assertProblem(post(anyDelivery, key, null), 403, "FORBIDDEN");
        }
        assertProblem(post(anyDelivery, OPERATOR_A, null), 404, "WEBHOOK_DELIVERY_NOT_FOUND");
        assertProblem(get("/webhooks", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/webhooks/deliveries?status=lost", OPERATOR_A), 400, "INVALID_REQUEST");
    }

    // ---------------------------------------------------------------- helpers

    private WebhookReceiver receiver(WebhookReceiver receiver) {
        receivers.add(receiver);
        return receiver;
    }

    private JsonNode register(String apiKey, String url, List<String> events) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url", url);
        body.put("events", events);
        body.put("description", "test endpoint");
        Response response = post("/webhooks", apiKey, body);
        assertStatus(response, 201);
        registered.add(response.text("webhook_id"));
        assertThat(response.text("tenant_id")).isEqualTo(TENANT_A);
        assertThat(response.headers().firstValue("Location")).contains("/webhooks/" + response.text("webhook_id"));
        return response.json();
    }

    private List<JsonNode> deliveries(String apiKey, String query) {
        Response response = get("/webhooks/deliveries?" + query, apiKey);
        assertStatus(response, 200);
        List<JsonNode> deliveries = new ArrayList<>();
        response.json().path("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    private JsonNode awaitDelivery(String apiKey, String webhookId, String executionId, String status) {
        return await("delivery of " + executionId + " to " + webhookId + " to be " + status,
                () -> deliveries(apiKey, "webhook_id=" + webhookId).stream()
                        .filter(delivery -> delivery.path("execution_id").asText().equals(executionId))
                        .findFirst().orElse(JSON.missingNode()),
                delivery -> delivery.path("status").asText().equals(status));
    }

    private static WebhookReceiver.Received awaitDeliveryOf(WebhookReceiver receiver, String executionId) {
        return await("the receiver to get execution " + executionId, () -> receiver.received().stream()
                        .filter(received -> new String(received.body(), StandardCharsets.UTF_8).contains(executionId))
                        .findFirst().orElse(null),
                received -> received != null);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode element : array) {
            if (element.path(field).asText().equals(value)) {
                return element;
            }
        }
        return org.assertj.core.api.Assertions.fail("no element with %s=%s in %s", field, value, array);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hmacHex(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
