package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Signals sent to executions whose steps have not started, held for approval by tenant-gov's policy: a signal for a
 * wait step of the plan is kept (recorded) and delivered once, when that step starts after the approval; a repeated
 * idempotency key answers the first outcome, before and after the start, and a second signal for the same step is
 * refused; a name the plan never waits for, a payload the step's schema refuses, a capability without waits, a
 * rejected execution and another tenant are refused, and nothing is written for them.
 */
class SignalBeforeStartHttpTest extends GovernanceTestSupport {

    private static final String AWAIT = "diagnostics.await";
    private static final String HOLD_AWAITS_AND_TRANSFERS = """
            default: ALLOW
            rules:
              - name: hold-awaits
                decision: REQUIRE_APPROVAL
                match:
                  intent_type: "diagnostics.await"
                approval_timeout: PT1H
              - name: hold-transfers
                decision: REQUIRE_APPROVAL
                match:
                  intent_type: "payments.*"
                approval_timeout: PT1H
            """;

    @Test
    void aSignalSentWhileHeldForApprovalIsKeptAndDeliveredOnceAfterTheApproval() {
        publishPolicy(HOLD_AWAITS_AND_TRANSFERS);
        String sessionId = createSession(GOV_SUBMITTER);
        String signal = "go-" + UUID.randomUUID();
        String executionId = submitHeldAwait(sessionId, signal);
        awaitStatus(GOV_SUBMITTER, executionId, "awaiting_approval");
        String key = "early-" + UUID.randomUUID();
        assertWritesNothing(sessionId, GOV_OPERATOR, GOV_SUBMITTER, () -> {
            assertProblem(post(signalPath(executionId), GOV_SUBMITTER, body("never-" + signal, Map.of(), null)),
                    409, "EXECUTION_NOT_WAITING");
            assertProblem(post(signalPath(executionId), GOV_SUBMITTER, body(signal, Map.of("note", 5), key)),
                    422, "SIGNAL_PAYLOAD_INVALID");
            assertProblem(post(signalPath(executionId), SUBMITTER_A, body(signal, Map.of(), null)), 404,
                    "EXECUTION_NOT_FOUND");
        });

        Response kept = post(signalPath(executionId), GOV_SUBMITTER, body(signal, Map.of("note", "early"), key));

        assertStatus(kept, 202);
        assertThat(kept.text("status")).isEqualTo("kept");
        assertThat(kept.text("step")).isEqualTo("wait");
        assertThat(kept.json().path("repeated").asBoolean()).isFalse();
        Response repeated = post(signalPath(executionId), GOV_OPERATOR, body(signal, Map.of("note", "again"), key));
        assertStatus(repeated, 202);
        assertThat(repeated.text("status")).isEqualTo("kept");
        assertThat(repeated.json().path("repeated").asBoolean()).isTrue();
        assertProblem(post(signalPath(executionId), GOV_SUBMITTER, body(signal, Map.of("note", "twice"), null)),
                409, "EXECUTION_NOT_WAITING");
        await("the timeline to show the kept signal", () -> get("/execution/" + executionId + "/timeline",
                GOV_OPERATOR).json().path("entries").findValuesAsText("summary"),
                entries -> entries.stream().anyMatch(entry -> entry.contains("signal '" + signal + "' kept")));

        assertStatus(post("/execution/" + executionId + "/approve", GOV_APPROVER, Map.of("reason", "ok")), 202);

        JsonNode done = awaitStatus(GOV_SUBMITTER, executionId, "completed");
        assertThat(step(done, 1).path("status").asText()).isEqualTo("succeeded");
        assertThat(step(done, 2).path("facts").path("note").asText()).as("echoed by the step after the wait")
                .isEqualTo("early");
        List<JsonNode> wal = awaitWalEvent(GOV_OPERATOR, sessionId, "ExecutionCompletedEvent");
        assertThat(eventTypes(wal).stream().filter("SignalKeptEvent"::equals)).hasSize(1);
        assertThat(eventTypes(wal).stream().filter("SignalDeliveredEvent"::equals)).hasSize(1);
        assertThat(eventTypes(wal)).doesNotContain("StepAwaitingSignalEvent");
        Response afterwards = post(signalPath(executionId), GOV_SUBMITTER, body(signal, Map.of("note", "late"), key));
        assertStatus(afterwards, 202);
        assertThat(afterwards.text("status")).as("the first outcome, from the saga").isEqualTo("kept");
        assertThat(afterwards.json().path("repeated").asBoolean()).isTrue();
        assertProblem(post(signalPath(executionId), GOV_SUBMITTER, body(signal, Map.of(), null)), 409,
                "EXECUTION_NOT_WAITING");
    }

    @Test
    void refusesSignalsToAHeldExecutionThatNeverWaitsOrWasRejectedWritingNothing() {
        publishPolicy(HOLD_AWAITS_AND_TRANSFERS);
        String sessionId = createSession(GOV_SUBMITTER);
        String transfer = submitHeldTransfer(sessionId);
        String signal = "go-" + UUID.randomUUID();
        String rejected = submitHeldAwait(sessionId, signal);
        assertStatus(post("/execution/" + rejected + "/reject", GOV_APPROVER, Map.of("reason", "no")), 200);
        awaitStatus(GOV_SUBMITTER, rejected, "rejected");
        awaitStatus(GOV_SUBMITTER, transfer, "awaiting_approval");

        assertWritesNothing(sessionId, GOV_OPERATOR, GOV_SUBMITTER, () -> {
            assertProblem(post(signalPath(transfer), GOV_SUBMITTER, body("approval", Map.of(), null)), 409,
                    "EXECUTION_NOT_WAITING");
            assertProblem(post(signalPath(rejected), GOV_SUBMITTER, body(signal, Map.of(), "after-rejection")), 409,
                    "EXECUTION_NOT_WAITING");
        });
        assertStatus(post("/execution/" + transfer + "/reject", GOV_APPROVER, Map.of("reason", "test over")), 200);
    }

    private String submitHeldAwait(String sessionId, String signal) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", sessionId);
        intent.put("intent_type", AWAIT);
        intent.put("payload", Map.of("signal", signal, "timeout_ms", 60_000));
        Response response = post("/intent/submit", GOV_SUBMITTER, intent);
        assertStatus(response, 202);
        assertThat(response.text("status")).isEqualTo("awaiting_approval");
        return response.text("execution_id");
    }

    private static String signalPath(String executionId) {
        return "/execution/" + executionId + "/signal";
    }

    private static Map<String, Object> body(String name, Map<String, Object> payload, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("payload", payload);
        if (idempotencyKey != null) {
            body.put("idempotency_key", idempotencyKey);
        }
        return body;
    }
}
