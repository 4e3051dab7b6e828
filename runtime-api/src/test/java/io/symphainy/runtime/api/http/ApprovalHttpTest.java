package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Human approval end to end: an execution the policy holds runs nothing until a second person approves it, and ends
 * rejected or expired otherwise; the decision recorded at acceptance never changes.
 */
class ApprovalHttpTest extends GovernanceTestSupport {

    @Test
    void aHeldExecutionRunsNothingUntilASecondPersonApprovesItThenCompletes() {
        int version = publishPolicy(holdTransfers("PT1H"));
        String sessionId = createSession(GOV_SUBMITTER);
        Instant submitted = Instant.now();

        String executionId = submitHeldTransfer(sessionId);

        JsonNode held = awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval");
        assertThat(held.path("policy_decision").asText()).isEqualTo("REQUIRE_APPROVAL");
        assertThat(held.path("policy_rule").asText()).isEqualTo("hold-transfers");
        assertThat(held.path("policy_version").asInt()).isEqualTo(version);
        Instant deadline = Instant.parse(held.path("approval_deadline").asText());
        assertThat(deadline).isBetween(submitted.plus(Duration.ofMinutes(59)), submitted.plus(Duration.ofMinutes(61)));
        JsonNode pending = awaitPendingApproval(GOV_APPROVER, executionId);
        assertThat(pending.path("intent_type").asText()).isEqualTo(TransferCapability.TRANSFER);
        assertThat(pending.path("capability").asText()).isEqualTo(TransferCapability.TRANSFER);
        assertThat(pending.path("submitted_by").asText()).isEqualTo("gina");
        assertThat(pending.path("rule").asText()).isEqualTo("hold-transfers");
        assertThat(pending.path("policy_version").asInt()).isEqualTo(version);
        assertThat(Instant.parse(pending.path("deadline").asText())).isEqualTo(deadline);
        assertThat(pending.path("requested_at").asText()).isNotBlank();
        assertThat(anyStepStarted(sessionId)).isFalse();
        assertThat(TransferCapability.anyStepRan(executionId)).isFalse();

        Response approved = post("/execution/" + executionId + "/approve", GOV_APPROVER, Map.of("reason", "ok"));

        assertStatus(approved, 202);
        assertThat(approved.text("decision")).isEqualTo("approved");
        JsonNode done = awaitStatus(GOV_SUBMITTER, executionId, "completed");
        assertThat(done.path("decided_by").asText()).isEqualTo("grace");
        assertThat(done.path("decision_reason").asText()).isEqualTo("ok");
        assertThat(TransferCapability.anyStepRan(executionId)).isTrue();
        assertThat(find(get("/approvals", GOV_OPERATOR).json().path("approvals"), executionId)).isNull();
        awaitSessionIdle(sessionId);
    }

    @Test
    void anApproversRejectionEndsTheExecutionWithoutRunningIt() {
        publishPolicy(holdTransfers("PT1H"));
        String sessionId = createSession(GOV_SUBMITTER);
        String executionId = submitHeldTransfer(sessionId);

        Response rejected = post("/execution/" + executionId + "/reject", GOV_APPROVER,
                Map.of("reason", "not this month"));

        assertStatus(rejected, 200);
        assertThat(rejected.text("status")).isEqualTo("rejected");
        JsonNode state = awaitStatus(GOV_SUBMITTER, executionId, "rejected");
        assertThat(state.path("rejection_code").asText()).isEqualTo("APPROVAL_REJECTED");
        assertThat(state.path("decided_by").asText()).isEqualTo("grace");
        assertThat(state.path("decision_reason").asText()).isEqualTo("not this month");
        awaitSessionIdle(sessionId);
        assertThat(anyStepStarted(sessionId)).isFalse();
        assertThat(TransferCapability.anyStepRan(executionId)).isFalse();
        assertProblem(post("/execution/" + executionId + "/approve", GOV_APPROVER, null), 409,
                "EXECUTION_NOT_AWAITING_APPROVAL");
    }

    @Test
    void repeatingARejectedIntentAnswersWithTheApproversRefusal() {
        publishPolicy(holdTransfers("PT1H"));
        Map<String, Object> intent = Map.of("session_id", createSession(GOV_SUBMITTER),
                "intent_type", TransferCapability.TRANSFER, "payload", Map.of("amount", 7),
                "idempotency_key", "transfer-" + UUID.randomUUID());
        Response first = post("/intent/submit", GOV_SUBMITTER, intent);
        assertStatus(first, 202);
        String executionId = first.text("execution_id");
        assertStatus(post("/execution/" + executionId + "/reject", GOV_APPROVER, null), 200);

        JsonNode problem = assertProblem(post("/intent/submit", GOV_SUBMITTER, intent), 403, "APPROVAL_REJECTED");

        assertThat(problem.path("execution_id").asText()).isEqualTo(executionId);
    }

    @Test
    void aHeldExecutionExpiresWhenNobodyDecidesInTime() {
        publishPolicy(holdTransfers("PT1S"));
        String sessionId = createSession(GOV_SUBMITTER);
        String executionId = submitHeldTransfer(sessionId);

        JsonNode state = awaitStatus(GOV_SUBMITTER, executionId, "expired");

        assertThat(state.path("rejection_code").asText()).isEqualTo("APPROVAL_EXPIRED");
        assertThat(state.path("error_code").asText()).isEqualTo("APPROVAL_EXPIRED");
        awaitSessionIdle(sessionId);
        assertThat(anyStepStarted(sessionId)).isFalse();
        assertThat(TransferCapability.anyStepRan(executionId)).isFalse();
        assertProblem(post("/execution/" + executionId + "/approve", GOV_APPROVER, null), 409,
                "EXECUTION_NOT_AWAITING_APPROVAL");
    }

    @Test
    void theSubmitterCannotDecideOnTheirOwnIntent() {
        publishPolicy(holdTransfers("PT1H"));
        String executionId = submitHeldTransfer(createSession(GOV_SUBMITTER));

        JsonNode problem = assertProblem(post("/execution/" + executionId + "/approve", GOV_SUBMITTER,
                Map.of("reason", "trust me")), 403, "SELF_APPROVAL_FORBIDDEN");
        assertProblem(post("/execution/" + executionId + "/reject", GOV_SUBMITTER, null), 403,
                "SELF_APPROVAL_FORBIDDEN");

        assertThat(problem.path("detail").asText()).contains("gina");
        assertThat(awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval").path("decided_by").isMissingNode())
                .isTrue();
    }

    @Test
    void publishingANewVersionLeavesTheDecisionOfAHeldExecutionUntouched() {
        int v1 = publishPolicy(holdTransfers("PT1H"));
        String sessionId = createSession(GOV_SUBMITTER);
        String executionId = submitHeldTransfer(sessionId);

        int v2 = publishPolicy("default: DENY\n");

        assertThat(v2).isEqualTo(v1 + 1);
        JsonNode held = awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval");
        assertThat(held.path("policy_version").asInt()).isEqualTo(v1);
        assertThat(held.path("policy_rule").asText()).isEqualTo("hold-transfers");
        JsonNode denied = assertProblem(submitTransfer(GOV_SUBMITTER, sessionId, 5), 403, "POLICY_DENIED");
        assertThat(denied.path("rule").asText()).isEqualTo("default");
        assertThat(denied.path("policy_version").asInt()).isEqualTo(v2);
        assertStatus(post("/execution/" + executionId + "/approve", GOV_APPROVER, null), 202);
        assertThat(awaitStatus(GOV_SUBMITTER, executionId, "completed").path("policy_version").asInt())
                .isEqualTo(v1);
    }

    @Test
    void onlyAHeldExecutionCanBeApproved() {
        publishPolicy(holdTransfers("PT1H"));
        String executionId = submitEcho(GOV_SUBMITTER, createSession(GOV_SUBMITTER), Map.of());
        awaitStatus(GOV_SUBMITTER, executionId, "completed");

        assertProblem(post("/execution/" + executionId + "/approve", GOV_APPROVER, null), 409,
                "EXECUTION_NOT_AWAITING_APPROVAL");
        assertProblem(post("/execution/" + UUID.randomUUID() + "/approve", GOV_APPROVER, null), 404,
                "EXECUTION_NOT_FOUND");
        assertProblem(post("/execution/" + UUID.randomUUID() + "/reject", GOV_APPROVER, null), 404,
                "EXECUTION_NOT_FOUND");
    }

    @Test
    void everyApprovalEndpointRequiresItsRole() {
        publishPolicy(holdTransfers("PT1H"));
        String executionId = submitHeldTransfer(createSession(GOV_SUBMITTER));

        for (String key : new String[] {GOV_SUBMITTER_ONLY, GOV_OPERATOR, GOV_AUDITOR, GOV_ADMIN}) {
            assertProblem(post("/execution/" + executionId + "/approve", key, null), 403, "FORBIDDEN");
            assertProblem(post("/execution/" + executionId + "/reject", key, null), 403, "FORBIDDEN");
        }
        assertProblem(get("/approvals", GOV_SUBMITTER_ONLY), 403, "FORBIDDEN");
        assertProblem(get("/approvals", GOV_ADMIN), 403, "FORBIDDEN");
        for (String key : new String[] {GOV_APPROVER, GOV_OPERATOR, GOV_AUDITOR}) {
            awaitPendingApproval(key, executionId);
        }
        assertThat(awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval").path("status").asText())
                .isEqualTo("awaiting_approval");
    }

    @Test
    void anotherTenantCanNeitherSeeNorDecideTheApproval() {
        publishPolicy(holdTransfers("PT1H"));
        String executionId = submitHeldTransfer(createSession(GOV_SUBMITTER));
        awaitPendingApproval(GOV_APPROVER, executionId);

        assertProblem(post("/execution/" + executionId + "/approve", APPROVER_B, null), 404, "EXECUTION_NOT_FOUND");
        assertProblem(post("/execution/" + executionId + "/reject", APPROVER_B, null), 404, "EXECUTION_NOT_FOUND");
        assertThat(find(get("/approvals", APPROVER_B).json().path("approvals"), executionId)).isNull();
        assertProblem(get("/execution/" + executionId + "/status", SUBMITTER_B), 404, "EXECUTION_NOT_FOUND");
        assertThat(awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval").path("status").asText())
                .isEqualTo("awaiting_approval");
    }

    /** Waits until the session lists no active execution: every terminal path detaches. */
    private void awaitSessionIdle(String sessionId) {
        await("session " + sessionId + " to have no active execution", () -> get("/session/" + sessionId,
                GOV_SUBMITTER).json(), session -> session.path("active_sagas").isArray()
                && session.path("active_sagas").isEmpty());
    }
}
