package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route that takes an id, with the ids of one tenant and the keys of another: each answers 404, says nothing
 * of the owner, and changes nothing. The routes come from Spring's route table, so a new route with an id is covered
 * without a new test (and one with an id kind this matrix does not know fails it until the kind is added).
 */
class TenantIsolationMatrixHttpTest extends ContentHttpTestSupport {

    /** Path variables that are not one tenant's ids: a tenant's own policy version number, a read model's name. */
    private static final Set<String> NOT_TENANT_IDS = Set.of("version", "name");
    /** Every role of the intruding tenant, tried in turn until one passes the role check. */
    private static final List<String> INTRUDER_KEYS = List.of(GOV_SUBMITTER, GOV_OPERATOR, GOV_AUDITOR,
            GOV_APPROVER, GOV_ADMIN);
    /** Bodies for the routes that require one, valid apart from whose id they name. */
    private static final Map<String, Object> BODIES = Map.of(
            "PATCH /session/{session_id}", Map.of("context", Map.of("intruder", true)),
            "POST /execution/{execution_id}/replay", Map.of("mode", "events_only"),
            "POST /execution/{execution_id}/signal", Map.of("name", "intruder"));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping routes;

    @Test
    void anotherTenantsIdsAnswer404OnEveryRouteAndChangeNothing() {
        Map<String, String> ids = tenantBResources();
        List<String> checked = new ArrayList<>();

        routes.getHandlerMethods().forEach((mapping, handler) -> {
            for (String pattern : mapping.getPatternValues()) {
                List<String> variables = Routes.variables(pattern);
                if (variables.isEmpty() || variables.stream().anyMatch(NOT_TENANT_IDS::contains)) {
                    continue;
                }
                assertThat(ids.keySet()).as("id kinds the matrix knows, for %s", pattern).containsAll(variables);
                for (String method : Routes.methods(mapping)) {
                    String route = method + " " + pattern;
                    Response response = sendUntilNotForbidden(INTRUDER_KEYS, method, Routes.fill(pattern, ids::get),
                            BODIES.get(route));
                    assertThat(response.status()).as("%s answered %s", route, response).isEqualTo(404);
                    assertThat(response.body()).as(route).doesNotContain(TENANT_B).doesNotContain("bob");
                    checked.add(route);
                }
            }
        });

        assertThat(checked).as("routes with ids").hasSizeGreaterThanOrEqualTo(17)
                .contains("GET /session/{session_id}", "POST /execution/{execution_id}/cancel", "GET /data/{ref}",
                        "DELETE /webhooks/{webhook_id}", "DELETE /admin/api-keys/{key_id}",
                        "POST /webhooks/deliveries/{delivery_id}/retry");
        assertOwnerResourcesUnchanged(ids);
    }

    /** A session, a completed execution, an uploaded document's data reference, a webhook, a delivery and a key. */
    private Map<String, String> tenantBResources() {
        Map<String, String> ids = new LinkedHashMap<>();
        String session = createSession(SUBMITTER_B);
        ids.put("session_id", session);
        Response webhook = post("/webhooks", ADMIN_B, Map.of("url", "http://127.0.0.1:9/hook",
                "events", List.of("execution.completed")));
        assertStatus(webhook, 201);
        ids.put("webhook_id", webhook.text("webhook_id"));
        String upload = uploadFile(SUBMITTER_B, session, "matrix.txt",
                ("tenant matrix " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8), "content.upload");
        JsonNode uploaded = awaitStatus(SUBMITTER_B, upload, "completed");
        ids.put("execution_id", upload);
        ids.put("ref", step(uploaded, 0).path("references").path("content.upload").asText());
        Response key = post("/admin/api-keys", ADMIN_B, Map.of("user_id", "matrix", "roles", List.of("submitter")));
        assertStatus(key, 201);
        ids.put("key_id", key.text("key_id"));
        JsonNode deliveries = await("a delivery to webhook " + ids.get("webhook_id"), () -> get(
                "/webhooks/deliveries?webhook_id=" + ids.get("webhook_id"), ADMIN_B).json().path("deliveries"),
                found -> found.size() > 0);
        ids.put("delivery_id", deliveries.get(0).path("delivery_id").asText());
        assertThat(ids.values()).as("ids of %s", ids).allSatisfy(id -> assertThat(id).isNotBlank());
        return ids;
    }

    private void assertOwnerResourcesUnchanged(Map<String, String> ids) {
        JsonNode session = get("/session/" + ids.get("session_id"), SUBMITTER_B).json();
        assertThat(session.path("status").asText()).isEqualTo("open");
        assertThat(session.path("context").has("intruder")).isFalse();
        assertThat(get("/execution/" + ids.get("execution_id") + "/status", SUBMITTER_B).text("status"))
                .isEqualTo("completed");
        assertThat(get("/webhooks", ADMIN_B).json().path("webhooks").toString()).contains(ids.get("webhook_id"));
        assertThat(get("/admin/api-keys", ADMIN_B).json().toString()).contains(ids.get("key_id"));
        assertStatus(get("/data/" + ids.get("ref"), SUBMITTER_B), 200);
    }
}
