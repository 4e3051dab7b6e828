package io.symphainy.runtime.api.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.api.security.ApiKeyRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ApiKeyHttpTest extends GovernanceHttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIssuedKeyWorksWithItsRolesUntilItIsRevoked() {
        JsonNode issued = issue(ADMIN_A, "carl", List.of("submitter"));
        String key = issued.path("key").asText();
        String keyId = issued.path("key_id").asText();
        assertThat(key).startsWith("symk_");
        assertThat(issued.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(issued.path("user_id").asText()).isEqualTo("carl");
        assertThat(issued.path("roles").toString()).isEqualTo("[\"submitter\"]");

        Response session = post("/session/create", key, Map.of("context", Map.of()));
        assertStatus(session, 201);
        assertThat(session.text("tenant_id")).isEqualTo(TENANT_A);
        assertThat(session.text("user_id")).isEqualTo("carl");
        assertProblem(get("/webhooks", key), 403, "FORBIDDEN");

        assertStatus(delete("/admin/api-keys/" + keyId, ADMIN_A), 204);

        assertProblem(post("/session/create", key, Map.of("context", Map.of())), 401, "UNAUTHENTICATED");
        JsonNode listed = listed(ADMIN_A, keyId);
        assertThat(listed.path("revoked_at").isTextual()).isTrue();
        assertStatus(delete("/admin/api-keys/" + keyId, ADMIN_A), 204);
    }

    @Test
    void theKeyIsShownOnceAndRecordedOnlyAsItsHash() {
        JsonNode issued = issue(ADMIN_A, "dora", List.of("operator", "auditor"));
        String key = issued.path("key").asText();
        String keyId = issued.path("key_id").asText();

        Response list = get("/admin/api-keys", ADMIN_A);
        assertStatus(list, 200);
        assertThat(list.body()).doesNotContain(key).doesNotContain(ApiKeyRegistry.hash(key));
        JsonNode listed = listed(ADMIN_A, keyId);
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.path("roles").toString()).isEqualTo("[\"operator\",\"auditor\"]");
        assertThat(listed.path("description").asText()).isEqualTo("issued by a test");

        Integer plaintextCopies = jdbc.queryForObject(
                "select count(*) from domain_event_entry where convert_from(payload::text::bytea, 'UTF8') like ?",
                Integer.class, "%" + key + "%");
        assertThat(plaintextCopies).as("events holding the plaintext key").isZero();
        Integer hashedCopies = jdbc.queryForObject("select count(*) from api_key where key_hash = ?", Integer.class,
                ApiKeyRegistry.hash(key));
        assertThat(hashedCopies).isEqualTo(1);
    }

    @Test
    void anAdminSeesAndRevokesOnlyTheKeysOfTheirTenant() {
        String keyId = issue(ADMIN_A, "erin", List.of("submitter")).path("key_id").asText();
        String key = issue(ADMIN_A, "erin", List.of("submitter")).path("key").asText();

        Response otherTenant = get("/admin/api-keys", ADMIN_B);
        assertStatus(otherTenant, 200);
        assertThat(otherTenant.json().path("api_keys").findValuesAsText("key_id")).doesNotContain(keyId);
        assertThat(otherTenant.json().path("api_keys").findValuesAsText("tenant_id")).doesNotContain(TENANT_A);
        assertProblem(delete("/admin/api-keys/" + keyId, ADMIN_B), 404, "API_KEY_NOT_FOUND");
        assertProblem(delete("/admin/api-keys/" + UUID.randomUUID(), ADMIN_A), 404, "API_KEY_NOT_FOUND");
        assertThat(listed(ADMIN_A, keyId).has("revoked_at")).isFalse();

        JsonNode issuedByB = issue(ADMIN_B, "bill", List.of("submitter"));
        assertThat(issuedByB.path("tenant_id").asText()).isEqualTo(TENANT_B);
        Response sessionB = post("/session/create", issuedByB.path("key").asText(), Map.of("context", Map.of()));
        assertStatus(sessionB, 201);
        assertProblem(get("/session/" + sessionB.text("session_id"), key), 404, "SESSION_NOT_FOUND");
        assertProblem(post("/admin/api-keys", ADMIN_B, Map.of("user_id", "x", "roles", List.of("admin"),
                "tenant_id", TENANT_A)), 403, "TENANT_MISMATCH");
    }

    @Test
    void onlyAdminsManageKeys() {
        Map<String, Object> body = Map.of("user_id", "frank", "roles", List.of("submitter"));
        String keyId = issue(ADMIN_A, "frank", List.of("submitter")).path("key_id").asText();
        for (String key : List.of(OPERATOR_A, SUBMITTER_A, AUDITOR_A)) {
            assertProblem(post("/admin/api-keys", key, body), 403, "FORBIDDEN");
            assertProblem(get("/admin/api-keys", key), 403, "FORBIDDEN");
            assertProblem(delete("/admin/api-keys/" + keyId, key), 403, "FORBIDDEN");
        }
        assertProblem(get("/admin/api-keys", null), 401, "UNAUTHENTICATED");
        assertProblem(get("/admin/api-keys", "symk_not-a-key"), 401, "UNAUTHENTICATED");
    }

    @Test
    void refusesUnknownRolesAndMissingFields() {
        JsonNode unknown = assertProblem(post("/admin/api-keys", ADMIN_A, Map.of("user_id", "gina",
                "roles", List.of("submitter", "root"))), 400, "INVALID_REQUEST");
        assertThat(unknown.path("errors").get(0).path("field").asText()).isEqualTo("roles[1]");
        assertProblem(post("/admin/api-keys", ADMIN_A, Map.of("user_id", "gina", "roles", List.of())), 400,
                "INVALID_REQUEST");
        assertProblem(post("/admin/api-keys", ADMIN_A, Map.of("roles", List.of("submitter"))), 400,
                "INVALID_REQUEST");
    }

    @Test
    void anIssuedAdminKeyCanIssueKeysItself() {
        String adminKey = issue(ADMIN_A, "hank", List.of("admin", "operator")).path("key").asText();

        JsonNode issued = issue(adminKey, "ivy", List.of("approver"));

        assertThat(issued.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertStatus(get("/webhooks/deliveries", adminKey), 200);
    }

    private JsonNode issue(String adminKey, String userId, List<String> roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user_id", userId);
        body.put("roles", roles);
        body.put("description", "issued by a test");
        Response response = post("/admin/api-keys", adminKey, body);
        assertStatus(response, 201);
        assertThat(response.headers().firstValue("Location")).contains("/admin/api-keys/" + response.text("key_id"));
        return response.json();
    }

    private JsonNode listed(String adminKey, String keyId) {
        Response list = get("/admin/api-keys", adminKey);
        assertStatus(list, 200);
        for (JsonNode key : list.json().path("api_keys")) {
            if (key.path("key_id").asText().equals(keyId)) {
                return key;
            }
        }
        return org.assertj.core.api.Assertions.fail("key %s not listed: %s", keyId, list);
    }
}
