package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.projection.ReadModelProcessor;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;

/**
 * {@code /session/*} end to end: creation, reads, context updates, closing, tenant isolation and roles.
 */
class SessionHttpTest extends HttpTestSupport {

    @Test
    void createAnswers201WithTheSessionAndItsLocation() {
        Instant before = Instant.now().minusSeconds(5);

        Response response = post("/session/create", SUBMITTER_A, Map.of("context", Map.of("channel", "web")));

        assertStatus(response, 201);
        JsonNode session = response.json();
        String sessionId = session.path("session_id").asText();
        assertThat(UUID.fromString(sessionId)).isNotNull();
        assertThat(session.path("tenant_id").asText()).isEqualTo(TENANT_A);
        assertThat(session.path("user_id").asText()).as("the credential's user").isEqualTo("alice");
        assertThat(session.path("status").asText()).isEqualTo("open");
        assertThat(Instant.parse(session.path("created_at").asText())).isBetween(before, Instant.now().plusSeconds(5));
        assertThat(session.path("context")).isEqualTo(JSON.valueToTree(Map.of("channel", "web")));
        assertThat(session.path("active_sagas").isArray()).as("active_sagas in %s", session).isTrue();
        assertThat(session.path("active_sagas")).isEmpty();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/session/" + sessionId));
    }

    @Test
    void createAcceptsTheCredentialsOwnTenantInTheBody() {
        Response response = post("/session/create", SUBMITTER_A, Map.of("tenant_id", TENANT_A));

        assertStatus(response, 201);
        assertThat(response.text("tenant_id")).isEqualTo(TENANT_A);
        assertThat(response.json().path("context")).isEmpty();
    }

    @Test
    void createRefusesAnotherTenantInTheBodyWithoutCreatingASession() {
        Response response = post("/session/create", SUBMITTER_A, Map.of("tenant_id", TENANT_B,
                "context", Map.of("k", "v")));

        JsonNode problem = assertProblem(response, 403, "TENANT_MISMATCH");
        assertThat(problem.has("session_id")).as("no session id in %s", problem).isFalse();
        assertThat(response.headers().firstValue("Location")).isEmpty();
    }

    /**
     * The session is recorded before the controller reads it back from the State Surface; when that projection trails
     * by more than the read-your-writes wait, the answer must still be 201 with the id of the session that was
     * created (it used to be a 500, and a client retry then created a second session). Stopping the session
     * projection makes the lag certain.
     */
    @Test
    void createAnswers201EvenWhenTheSessionProjectionTrails() {
        EventProcessor projection = eventProcessing.eventProcessor(ReadModelProcessor.NAME, EventProcessor.class)
                .orElseThrow();
        Response response;
        projection.shutDown();
        try {
            response = post("/session/create", SUBMITTER_A, Map.of("context", Map.of("k", "v")));
        } finally {
            projection.start();
            await("event processors to run again", this::eventProcessorsReady, ready -> ready);
        }

        assertStatus(response, 201);
        String sessionId = response.text("session_id");
        assertThat(sessionId).isNotBlank();
        Response read = await("session " + sessionId + " to be readable", () -> get("/session/" + sessionId,
                SUBMITTER_A), got -> got.status() == 200);
        assertThat(read.json().path("context").path("k").asText()).isEqualTo("v");
    }

    @Test
    void getRightAfterCreateAnswersTheSameSession() {
        Response created = post("/session/create", SUBMITTER_A, Map.of("context", Map.of("lang", "en", "n", 3)));
        assertStatus(created, 201);
        String sessionId = created.text("session_id");

        Response read = get("/session/" + sessionId, SUBMITTER_A);

        assertStatus(read, 200);
        for (String field : List.of("session_id", "tenant_id", "user_id", "status", "created_at", "context",
                "active_sagas")) {
            assertThat(read.json().path(field)).as(field).isEqualTo(created.json().path(field));
        }
        assertThat(read.json().path("context").path("n").asInt()).isEqualTo(3);
    }

    @Test
    void anotherUserOfTheSameTenantReadsTheSession() {
        String sessionId = createSession(SUBMITTER_A);

        Response read = get("/session/" + sessionId, SUBMITTER_ONLY_A);

        assertStatus(read, 200);
        assertThat(read.text("user_id")).isEqualTo("alice");
    }

    @Test
    void activeSagasListTheRunningExecutionAndEmptyOnceItCompleted() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 500));

        JsonNode running = await("session to list " + executionId, () -> get("/session/" + sessionId, SUBMITTER_A)
                .json(), session -> session.path("active_sagas").toString().contains(executionId));
        assertThat(running.path("active_sagas")).hasSize(1);
        JsonNode active = running.path("active_sagas").get(0);
        assertThat(active.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(active.path("saga_id").asText()).isNotBlank();
        assertThat(active.path("attached_at").asText()).isNotBlank();
        assertThat(get("/execution/" + executionId + "/status", SUBMITTER_A).text("status"))
                .as("the session lists it while it has not finished").isIn("accepted", "running", "completed");

        awaitStatus(SUBMITTER_A, executionId, "completed");

        JsonNode finished = await("session to drop " + executionId, () -> get("/session/" + sessionId, SUBMITTER_A)
                .json(), session -> session.path("active_sagas").isArray() && session.path("active_sagas").isEmpty());
        assertThat(finished.path("status").asText()).isEqualTo("open");
    }

    @Test
    void aCompensatedExecutionLeavesTheSessionsActiveSagas() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 2));

        awaitStatus(SUBMITTER_A, executionId, "compensated");

        JsonNode session = await("session to drop " + executionId, () -> get("/session/" + sessionId, SUBMITTER_A)
                .json(), read -> read.path("active_sagas").isArray() && read.path("active_sagas").isEmpty());
        assertThat(session.path("status").asText()).isEqualTo("open");
    }

    @Test
    void anotherTenantCannotSeeTheSession() {
        String sessionId = createSession(SUBMITTER_A);

        assertProblem(get("/session/" + sessionId, SUBMITTER_B), 404, "SESSION_NOT_FOUND");
        assertProblem(get("/session/" + sessionId, OPERATOR_B), 404, "SESSION_NOT_FOUND");
        assertStatus(get("/session/" + sessionId, SUBMITTER_A), 200);
    }

    @Test
    void unknownSessionIsNotFound() {
        assertProblem(get("/session/" + UUID.randomUUID(), SUBMITTER_A), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void malformedSessionIdInThePathIsNotFound() {
        assertProblem(get("/session/not-a-uuid", SUBMITTER_A), 404, "NOT_FOUND");
        assertProblem(post("/session/12345/close", SUBMITTER_A, null), 404, "NOT_FOUND");
    }

    @Test
    void patchMergesTheContextAndNullRemovesAKey() {
        String sessionId = createSession(SUBMITTER_A, Map.of("keep", "yes", "drop", "soon", "change", 1));
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("drop", null);
        changes.put("change", 2);
        changes.put("added", Map.of("nested", true));

        Response patched = patch("/session/" + sessionId, SUBMITTER_A, Map.of("context", changes));

        assertStatus(patched, 204);
        JsonNode expected = JSON.valueToTree(Map.of("keep", "yes", "change", 2, "added", Map.of("nested", true)));
        JsonNode session = await("merged context of " + sessionId, () -> get("/session/" + sessionId, SUBMITTER_A)
                .json(), read -> read.path("context").equals(expected));
        assertThat(session.path("context").has("drop")).isFalse();
    }

    @Test
    void patchOfAnotherTenantsSessionIsNotFound() {
        String sessionId = createSession(SUBMITTER_A, Map.of("owner", "a"));

        assertProblem(patch("/session/" + sessionId, SUBMITTER_B, Map.of("context", Map.of("owner", "b"))), 404,
                "SESSION_NOT_FOUND");

        sleep(Duration.ofMillis(200));
        assertThat(get("/session/" + sessionId, SUBMITTER_A).json().path("context").path("owner").asText())
                .isEqualTo("a");
    }

    @Test
    void patchWithoutContextIsAnInvalidRequest() {
        String sessionId = createSession(SUBMITTER_A);

        JsonNode problem = assertProblem(patch("/session/" + sessionId, SUBMITTER_A, Map.of()), 400,
                "INVALID_REQUEST");
        assertThat(problem.path("errors").toString()).contains("context");
    }

    @Test
    void closedSessionRefusesIntentsWithARecordedRejection() {
        String sessionId = createSession(SUBMITTER_A);

        assertStatus(post("/session/" + sessionId + "/close", SUBMITTER_A, null), 204);
        Response refused = post("/intent/submit", SUBMITTER_A, echoIntent(sessionId, Map.of("message", "late")));

        JsonNode problem = assertProblem(refused, 409, "SESSION_CLOSED");
        String executionId = problem.path("execution_id").asText();
        assertThat(UUID.fromString(executionId)).isNotNull();
        Response status = get("/execution/" + executionId + "/status", SUBMITTER_A);
        assertStatus(status, 200);
        assertThat(status.text("status")).isEqualTo("rejected");
        assertThat(status.text("rejection_code")).isEqualTo("SESSION_CLOSED");
        JsonNode session = await("session " + sessionId + " to show closed", () -> get("/session/" + sessionId,
                SUBMITTER_A).json(), read -> "closed".equals(read.path("status").asText()));
        assertThat(Instant.parse(session.path("closed_at").asText())).isNotNull();
    }

    @Test
    void closedSessionRefusesContextUpdates() {
        String sessionId = createSession(SUBMITTER_A);
        assertStatus(post("/session/" + sessionId + "/close", SUBMITTER_A, null), 204);

        assertProblem(patch("/session/" + sessionId, SUBMITTER_A, Map.of("context", Map.of("k", 1))), 409,
                "SESSION_CLOSED");
    }

    @Test
    void closeOfAnotherTenantsSessionIsNotFoundAndLeavesItOpen() {
        String sessionId = createSession(SUBMITTER_A);

        assertProblem(post("/session/" + sessionId + "/close", SUBMITTER_B, null), 404, "SESSION_NOT_FOUND");

        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    @Test
    void closeOfAnUnknownSessionIsNotFound() {
        assertProblem(post("/session/" + UUID.randomUUID() + "/close", SUBMITTER_A, null), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void requestsWithoutAValidKeyAreUnauthenticated() {
        assertProblem(post("/session/create", null, Map.of()), 401, "UNAUTHENTICATED");
        assertProblem(post("/session/create", "no-such-key", Map.of()), 401, "UNAUTHENTICATED");
        assertProblem(get("/session/" + UUID.randomUUID(), null), 401, "UNAUTHENTICATED");
    }

    @Test
    void keyWithoutTheSubmitterRoleCannotCreateSessions() {
        assertProblem(post("/session/create", APPROVER_A, Map.of()), 403, "FORBIDDEN");
        assertProblem(post("/session/create", OPERATOR_A, Map.of()), 403, "FORBIDDEN");
    }

    @Test
    void keyWithoutTheSubmitterRoleCannotChangeOrCloseSessions() {
        String sessionId = createSession(SUBMITTER_A);

        assertProblem(patch("/session/" + sessionId, APPROVER_A, Map.of("context", Map.of("k", 1))), 403,
                "FORBIDDEN");
        assertProblem(post("/session/" + sessionId + "/close", OPERATOR_A, null), 403, "FORBIDDEN");
        submit(SUBMITTER_A, echoIntent(sessionId, Map.of()));
    }
}
