package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Helpers of the governance tests: publishing tenant-gov's policy and submitting the HIGH-risk transfer. It adds no
 * configuration, so its tests share the context of every other HTTP test.
 */
abstract class GovernanceTestSupport extends HttpTestSupport {

    /** Holds every transfer for approval for the given time; everything else runs. */
    static String holdTransfers(String approvalTimeout) {
        return """
                default: ALLOW
                rules:
                  - name: hold-transfers
                    decision: REQUIRE_APPROVAL
                    match:
                      intent_type: "payments.*"
                    approval_timeout: %s
                """.formatted(approvalTimeout);
    }

    /** PUT /policy with a YAML body as tenant-gov's admin; asserts 201 and returns the new version. */
    int publishPolicy(String yaml) {
        Response response = putPolicy(GOV_ADMIN, yaml, "application/yaml");
        assertStatus(response, 201);
        return response.json().path("version").asInt();
    }

    Response putPolicy(String apiKey, String body, String contentType) {
        return send("PUT", "/policy", apiKey, HttpRequest.BodyPublishers.ofString(body), contentType);
    }

    /** POST /intent/submit of a transfer; returns the response whatever it is. */
    Response submitTransfer(String apiKey, String sessionId, int amount) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", sessionId);
        intent.put("intent_type", TransferCapability.TRANSFER);
        intent.put("payload", Map.of("amount", amount));
        return post("/intent/submit", apiKey, intent);
    }

    /** Submits a transfer the policy holds; asserts 202 awaiting_approval and returns the execution id. */
    String submitHeldTransfer(String sessionId) {
        Response response = submitTransfer(GOV_SUBMITTER, sessionId, 100);
        assertStatus(response, 202);
        assertThat(response.text("status")).isEqualTo("awaiting_approval");
        return response.text("execution_id");
    }

    /** The pending approval of an execution once GET /approvals lists it. */
    JsonNode awaitPendingApproval(String apiKey, String executionId) {
        JsonNode approvals = await("approval of " + executionId + " to be pending",
                () -> get("/approvals", apiKey).json().path("approvals"),
                list -> find(list, executionId) != null);
        return find(approvals, executionId);
    }

    static JsonNode find(JsonNode approvals, String executionId) {
        for (JsonNode approval : approvals) {
            if (executionId.equals(approval.path("execution_id").asText())) {
                return approval;
            }
        }
        return null;
    }

    /** Whether the session's WAL holds a StepStartedEvent; read as tenant-gov's operator. */
    boolean anyStepStarted(String sessionId) {
        return eventTypes(wal(GOV_OPERATOR, sessionId)).contains("StepStartedEvent");
    }
}
