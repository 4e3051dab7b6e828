package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code /execution/*} end to end: the status a client follows, and cancellation with compensation.
 */
class ExecutionHttpTest extends HttpTestSupport {

    @Test
    void statusShowsStepsAttemptsReferencesAndTimestamps() {
        String sessionId = createSession(SUBMITTER_A);
        Instant submittedAt = Instant.now().minusSeconds(5);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "status", "fail_times", 1));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "completed");

        assertThat(state.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(state.path("status").asText()).isEqualTo("completed");
        assertThat(state.path("intent_type").asText()).isEqualTo(ECHO);
        assertThat(state.path("tenant_id").asText()).isEqualTo(TENANT_A);
        Instant accepted = Instant.parse(state.path("accepted_at").asText());
        Instant started = Instant.parse(state.path("started_at").asText());
        Instant finished = Instant.parse(state.path("finished_at").asText());
        assertThat(accepted).isAfter(submittedAt);
        assertThat(started).isAfterOrEqualTo(accepted);
        assertThat(finished).isAfterOrEqualTo(started);
        assertThat(state.path("steps")).hasSize(3);
        for (int index = 0; index < 3; index++) {
            JsonNode step = step(state, index);
            assertThat(step.path("name").asText()).isEqualTo("step" + (index + 1));
            assertThat(step.path("status").asText()).isEqualTo("succeeded");
            assertThat(step.path("attempts").asInt()).isEqualTo(index == 1 ? 2 : 1);
            assertThat(step.has("compensation")).as("no compensation ran for %s", step).isFalse();
            assertThat(Instant.parse(step.path("started_at").asText())).isAfterOrEqualTo(started);
            assertThat(Instant.parse(step.path("finished_at").asText())).isBeforeOrEqualTo(finished);
        }
        JsonNode references = state.path("result_references");
        assertThat(references.isObject()).as("result_references in %s", state).isTrue();
        assertThat(references.path("echo.step1").asText()).isEqualTo("attempt-1");
        assertThat(references.path("echo.step2").asText()).as("step2 succeeded at its second attempt")
                .isEqualTo("attempt-2");
        assertThat(references.path("echo.step3").asText()).isEqualTo("attempt-1");
    }

    @Test
    void statusShowsTheCompensationOfCompensatedSteps() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("fail_permanently_at", 2));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "compensated");

        JsonNode compensation = step(state, 0).path("compensation");
        assertThat(compensation.path("status").asText()).isEqualTo("compensated");
        assertThat(compensation.path("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(compensation.path("compensated_at").asText())).isNotNull();
        assertThat(step(state, 1).path("status").asText()).isEqualTo("failed");
        assertThat(step(state, 1).path("last_error_code").asText()).isEqualTo("DIAGNOSTICS_REQUESTED_FAILURE");
        assertThat(step(state, 2).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void anotherTenantsExecutionIsNotFound() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");

        assertProblem(get("/execution/" + executionId + "/status", SUBMITTER_B), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/execution/" + executionId + "/status", OPERATOR_B), 404, "EXECUTION_NOT_FOUND");
    }

    @Test
    void unknownOrMalformedExecutionIdIsNotFound() {
        assertProblem(get("/execution/" + UUID.randomUUID() + "/status", SUBMITTER_A), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/execution/not-a-uuid/status", SUBMITTER_A), 404, "NOT_FOUND");
        assertProblem(post("/execution/" + UUID.randomUUID() + "/cancel", SUBMITTER_A, null), 404,
                "EXECUTION_NOT_FOUND");
    }

    @Test
    void statusNeedsAKey() {
        assertProblem(get("/execution/" + UUID.randomUUID() + "/status", null), 401, "UNAUTHENTICATED");
    }

    @Test
    void cancelOfARunningExecutionCancelsItAndCompensatesItsCompletedSteps() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 1500));
        await("step1 of " + executionId + " to run", () -> get("/execution/" + executionId + "/status", SUBMITTER_A)
                .json(), state -> "running".equals(stepStatus(state, 0)));

        Response cancelled = post("/execution/" + executionId + "/cancel", SUBMITTER_A,
                Map.of("reason", "changed my mind"));

        assertStatus(cancelled, 202);
        assertThat(cancelled.text("execution_id")).isEqualTo(executionId);
        assertThat(cancelled.text("status")).isEqualTo("cancelled");
        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "cancelled");
        assertThat(state.path("error_message").asText()).isEqualTo("changed my mind");
        JsonNode settled = await("completed steps of " + executionId + " to be compensated",
                () -> get("/execution/" + executionId + "/status", SUBMITTER_A).json(),
                ExecutionHttpTest::everyCompletedStepCompensated);
        assertThat(settled.path("status").asText()).as("the compensation must not overwrite the cancellation")
                .isEqualTo("cancelled");
        assertThat(step(settled, 0).path("status").asText()).as("step1 was running when cancelled, in %s", settled)
                .isEqualTo("succeeded");
        assertThat(step(settled, 0).path("compensation").path("status").asText()).isEqualTo("compensated");
        assertThat(step(settled, 2).path("status").asText()).as("step3 never runs after a cancel")
                .isEqualTo("pending");
        JsonNode session = await("session to drop the cancelled execution", () -> get("/session/" + sessionId,
                SUBMITTER_A).json(), read -> read.path("active_sagas").isArray()
                && read.path("active_sagas").isEmpty());
        assertThat(session.path("status").asText()).isEqualTo("open");

        assertProblem(post("/execution/" + executionId + "/cancel", SUBMITTER_A, null), 409,
                "EXECUTION_ALREADY_FINISHED");
    }

    @Test
    void cancelWithAReasonOverAThousandCharactersIsAnInvalidRequestAndCancelsNothing() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("sleep_ms", 300));

        JsonNode problem = assertProblem(post("/execution/" + executionId + "/cancel", SUBMITTER_A,
                Map.of("reason", "x".repeat(1001))), 400, "INVALID_REQUEST");

        assertThat(problem.path("errors").findValuesAsText("field")).containsExactly("reason");
        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    @Test
    void cancelWithMalformedJsonIsRefused() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("sleep_ms", 300));

        assertProblem(post("/execution/" + executionId + "/cancel", SUBMITTER_A, "{\"reason\": "), 400,
                "MALFORMED_JSON");

        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    @Test
    void cancelOfAFinishedExecutionIsRefused() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");

        assertProblem(post("/execution/" + executionId + "/cancel", SUBMITTER_A, null), 409,
                "EXECUTION_ALREADY_FINISHED");
        assertThat(get("/execution/" + executionId + "/status", SUBMITTER_A).text("status")).isEqualTo("completed");
    }

    @Test
    void cancelOfAnotherTenantsExecutionIsNotFoundAndLeavesItRunning() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("sleep_ms", 300));

        assertProblem(post("/execution/" + executionId + "/cancel", SUBMITTER_B, null), 404,
                "EXECUTION_NOT_FOUND");

        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    @Test
    void cancelNeedsTheSubmitterOrOperatorRole() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("sleep_ms", 300));

        assertProblem(post("/execution/" + executionId + "/cancel", APPROVER_A, null), 403, "FORBIDDEN");
        assertProblem(post("/execution/" + executionId + "/cancel", AUDITOR_ONLY_A, null), 403, "FORBIDDEN");

        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    private static boolean everyCompletedStepCompensated(JsonNode state) {
        boolean any = false;
        for (JsonNode step : state.path("steps")) {
            String status = step.path("status").asText();
            if ("running".equals(status) || "retry_scheduled".equals(status)) {
                return false;
            }
            if ("succeeded".equals(status) && step.path("compensable").asBoolean()) {
                if (!"compensated".equals(step.path("compensation").path("status").asText())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
