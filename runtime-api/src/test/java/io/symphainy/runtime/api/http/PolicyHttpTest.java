package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /policy} end to end: publishing versions as YAML or JSON, reading them back, dry runs, refusals of invalid
 * documents, and the policy deciding at acceptance.
 */
class PolicyHttpTest extends GovernanceTestSupport {

    private static final String DENY_HIGH = """
            default: ALLOW
            rules:
              - name: no-high-risk
                decision: DENY
                match:
                  risk_level_at_least: HIGH
            """;

    @Test
    void publishesAYamlPolicyAndReadsItBackAsTheCurrentVersion() {
        int version = publishPolicy(DENY_HIGH);

        JsonNode current = await("version " + version + " to be current",
                () -> get("/policy", GOV_ADMIN).json(), body -> body.path("version").asInt() == version);
        assertThat(current.path("tenant_id").asText()).isEqualTo(TENANT_GOV);
        assertThat(current.path("published_by").asText()).isEqualTo("gordon");
        assertThat(current.path("published_at").asText()).isNotBlank();
        JsonNode document = current.path("document");
        assertThat(document.path("default").asText()).isEqualTo("ALLOW");
        assertThat(document.path("rules").get(0).path("name").asText()).isEqualTo("no-high-risk");
        assertThat(document.path("rules").get(0).path("match").path("risk_level_at_least").asText())
                .isEqualTo("HIGH");
        for (String reader : new String[] {GOV_OPERATOR, GOV_AUDITOR}) {
            Response byVersion = get("/policy/versions/" + version, reader);
            assertStatus(byVersion, 200);
            assertThat(byVersion.json().path("document")).isEqualTo(document);
        }
    }

    @Test
    void publishesAJsonPolicyAsTheNextVersion() {
        int before = publishPolicy(DENY_HIGH);

        Response response = putPolicy(GOV_ADMIN, toJson(Map.of("default", "DENY", "rules", List.of())),
                "application/json");

        assertStatus(response, 201);
        assertThat(response.json().path("version").asInt()).isEqualTo(before + 1);
        assertThat(response.headers().firstValue("Location")).hasValue("/policy/versions/" + (before + 1));
        assertThat(response.json().path("document").path("default").asText()).isEqualTo("DENY");
        JsonNode earlier = await("version " + before + " to be readable", () -> get("/policy/versions/" + before,
                GOV_AUDITOR), read -> read.status() == 200).json();
        assertThat(earlier.path("document").path("rules").get(0).path("name").asText()).isEqualTo("no-high-risk");
    }

    @Test
    void refusesAnInvalidPolicyPointingAtTheRule() {
        Response response = putPolicy(GOV_ADMIN, """
                default: ALLOW
                rules:
                  - name: fine
                    decision: ALLOW
                  - name: broken
                    decision: DENY
                    match:
                      risk_level: EXTREME
                """, "text/yaml");

        JsonNode problem = assertProblem(response, 422, "INVALID_POLICY");
        JsonNode error = problem.path("errors").get(0);
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(error.path("rule_index").asInt()).isEqualTo(1);
        assertThat(error.path("rule_name").asText()).isEqualTo("broken");
        assertThat(error.path("field").asText()).isEqualTo("rules[1].match.risk_level");
        assertThat(error.path("message").asText()).contains("EXTREME");
        assertProblem(putPolicy(GOV_ADMIN, "{not json", "application/json"), 422, "INVALID_POLICY");
        assertProblem(putPolicy(GOV_ADMIN, DENY_HIGH, "text/plain"), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void deniesAHighRiskIntentBeforeAnyStepRuns() {
        publishPolicy(DENY_HIGH);
        String sessionId = createSession(GOV_SUBMITTER);

        Response response = submitTransfer(GOV_SUBMITTER, sessionId, 100);

        JsonNode problem = assertProblem(response, 403, "POLICY_DENIED");
        assertThat(problem.path("rule").asText()).isEqualTo("no-high-risk");
        assertThat(problem.path("detail").asText()).contains("no-high-risk");
        String executionId = problem.path("execution_id").asText();
        JsonNode state = awaitStatus(GOV_SUBMITTER, executionId, "rejected");
        assertThat(state.path("rejection_code").asText()).isEqualTo("POLICY_DENIED");
        assertThat(state.path("policy_decision").asText()).isEqualTo("DENY");
        assertThat(state.path("policy_rule").asText()).isEqualTo("no-high-risk");
        assertThat(state.path("steps")).isEmpty();
        awaitWalEvent(GOV_OPERATOR, sessionId, "IntentRejectedEvent");
        assertThat(anyStepStarted(sessionId)).isFalse();
        assertThat(TransferCapability.anyStepRan(executionId)).isFalse();

        String echo = submitEcho(GOV_SUBMITTER, sessionId, Map.of());
        assertThat(awaitStatus(GOV_SUBMITTER, echo, "completed").path("policy_rule").asText())
                .as("a LOW-risk intent falls through to the default").isEqualTo("default");
    }

    @Test
    void evaluateShowsTheDecisionWithoutRecordingAnything() {
        int version = publishPolicy("""
                default: DENY
                rules:
                  - name: admins-hold
                    decision: REQUIRE_APPROVAL
                    match: {roles_any: [admin]}
                    approval_timeout: PT10M
                  - name: grace-may
                    decision: ALLOW
                    match: {user_id: grace, intent_type: "payments.*"}
                """);
        await("version " + version + " to be current", () -> get("/policy", GOV_OPERATOR).json(),
                body -> body.path("version").asInt() == version);

        Response asAdmin = post("/policy/evaluate", GOV_ADMIN,
                Map.of("intent_type", TransferCapability.TRANSFER, "payload", Map.of("amount", 5)));
        Response asGrace = post("/policy/evaluate", GOV_OPERATOR, Map.of("intent_type", TransferCapability.TRANSFER,
                "payload", Map.of("amount", 5), "user_id", "grace", "roles", List.of("approver")));
        Response asOtis = post("/policy/evaluate", GOV_OPERATOR, Map.of("intent_type", ECHO));

        assertStatus(asAdmin, 200);
        assertThat(asAdmin.text("decision")).isEqualTo("REQUIRE_APPROVAL");
        assertThat(asAdmin.text("rule")).isEqualTo("admins-hold");
        assertThat(asAdmin.json().path("policy_version").asInt()).isEqualTo(version);
        assertThat(asAdmin.text("approval_timeout")).isEqualTo("PT10M");
        assertThat(asAdmin.text("risk_level")).isEqualTo("HIGH");
        assertThat(asGrace.text("decision")).isEqualTo("ALLOW");
        assertThat(asGrace.text("rule")).isEqualTo("grace-may");
        assertThat(asOtis.text("decision")).isEqualTo("DENY");
        assertThat(asOtis.text("rule")).isEqualTo("default");
        assertProblem(post("/policy/evaluate", GOV_ADMIN, Map.of("intent_type", "payments.unknown")), 422,
                "UNKNOWN_INTENT_TYPE");
        assertProblem(post("/policy/evaluate", GOV_ADMIN, Map.of()), 400, "INVALID_REQUEST");
    }

    @Test
    void everyPolicyEndpointRequiresItsRole() {
        assertProblem(putPolicy(GOV_OPERATOR, DENY_HIGH, "application/yaml"), 403, "FORBIDDEN");
        assertProblem(putPolicy(GOV_SUBMITTER, DENY_HIGH, "application/yaml"), 403, "FORBIDDEN");
        assertProblem(putPolicy(GOV_AUDITOR, DENY_HIGH, "application/yaml"), 403, "FORBIDDEN");
        assertProblem(get("/policy", GOV_SUBMITTER_ONLY), 403, "FORBIDDEN");
        assertProblem(get("/policy", GOV_APPROVER), 403, "FORBIDDEN");
        assertProblem(get("/policy/versions/1", GOV_SUBMITTER_ONLY), 403, "FORBIDDEN");
        Map<String, Object> intent = Map.of("intent_type", ECHO);
        assertProblem(post("/policy/evaluate", GOV_AUDITOR, intent), 403, "FORBIDDEN");
        assertProblem(post("/policy/evaluate", GOV_SUBMITTER_ONLY, intent), 403, "FORBIDDEN");
        assertProblem(get("/policy", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void anotherTenantSeesNoneOfThePolicy() {
        int version = publishPolicy(DENY_HIGH);
        await("version " + version + " to be current", () -> get("/policy", GOV_ADMIN).json(),
                body -> body.path("version").asInt() == version);

        assertProblem(get("/policy/versions/" + version, ADMIN_B), 404, "POLICY_NOT_FOUND");
        assertProblem(get("/policy", ADMIN_B), 404, "POLICY_NOT_FOUND");
        Response evaluated = post("/policy/evaluate", ADMIN_B,
                Map.of("intent_type", TransferCapability.TRANSFER, "payload", Map.of("amount", 1)));
        assertThat(evaluated.text("rule")).as("tenant-b has no policy of its own").isEqualTo("no-policy");
    }
}
