package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /intent/submit} end to end: acceptance and how the execution ends, retries, compensation,
 * idempotency, recorded rejections, and request errors that must not write anything.
 */
class IntentHttpTest extends HttpTestSupport {

    @Test
    void acceptedIntentAnswers202AndRunsAllThreeStepsOnce() {
        String sessionId = createSession(SUBMITTER_A);

        Response response = post("/intent/submit", SUBMITTER_A, echoIntent(sessionId, Map.of("message", "hi")));

        assertStatus(response, 202);
        String executionId = response.text("execution_id");
        assertThat(UUID.fromString(executionId)).isNotNull();
        assertThat(UUID.fromString(response.text("intent_id"))).isNotNull();
        assertThat(response.text("status")).isEqualTo("accepted");
        assertThat(response.json().path("repeated").asBoolean(true)).isFalse();
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/execution/" + executionId + "/status"));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "completed");
        assertThat(state.path("steps")).hasSize(3);
        for (int index = 0; index < 3; index++) {
            JsonNode step = step(state, index);
            assertThat(step.path("name").asText()).isEqualTo("step" + (index + 1));
            assertThat(step.path("status").asText()).as("step %d", index).isEqualTo("succeeded");
            assertThat(step.path("attempts").asInt()).as("attempts of step %d", index).isEqualTo(1);
        }
        assertThat(state.path("intent_id").asText()).isEqualTo(response.text("intent_id"));
        assertThat(state.path("session_id").asText()).isEqualTo(sessionId);
    }

    @Test
    void retryableFailuresAreRetriedUntilStepTwoSucceeds() {
        String sessionId = createSession(SUBMITTER_A);

        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_times", 2));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "completed");
        assertThat(step(state, 0).path("attempts").asInt()).isEqualTo(1);
        assertThat(step(state, 1).path("attempts").asInt()).as("step2 failed twice, then succeeded").isEqualTo(3);
        assertThat(step(state, 1).path("status").asText()).isEqualTo("succeeded");
        assertThat(step(state, 2).path("attempts").asInt()).isEqualTo(1);
        assertThat(step(state, 2).path("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void permanentFailureAtTheLastStepCompensatesTheStepsBeforeIt() {
        String sessionId = createSession(SUBMITTER_A);

        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_permanently_at", 3));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "compensated");
        assertThat(step(state, 2).path("status").asText()).isEqualTo("failed");
        assertThat(step(state, 2).path("attempts").asInt()).as("a permanent failure is not retried").isEqualTo(1);
        assertThat(step(state, 1).path("compensation").path("status").asText()).as("step2 in %s", state)
                .isEqualTo("compensated");
        assertThat(step(state, 0).path("compensation").path("status").asText()).as("step1 in %s", state)
                .isEqualTo("compensated");
        assertThat(state.path("error_code").asText()).isEqualTo("DIAGNOSTICS_REQUESTED_FAILURE");
        assertThat(state.path("failed_step").asText()).isEqualTo("step3");
    }

    @Test
    void retriesExhaustedAtStepTwoCompensateStepOne() {
        String sessionId = createSession(SUBMITTER_A);

        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("fail_times", 5));

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "compensated");
        assertThat(step(state, 1).path("status").asText()).isEqualTo("failed");
        assertThat(step(state, 1).path("attempts").asInt()).as("the policy allows 3 attempts").isEqualTo(3);
        assertThat(step(state, 0).path("compensation").path("status").asText()).as("step1 in %s", state)
                .isEqualTo("compensated");
        assertThat(step(state, 2).path("status").asText()).as("step3 never ran").isEqualTo("pending");
        assertThat(state.path("failed_step").asText()).isEqualTo("step2");
    }

    @Test
    void repeatedIdempotencyKeyAnswersTheSameExecutionAndStartsNothingNew() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "once"));
        intent.put("idempotency_key", "order-" + UUID.randomUUID());

        JsonNode first = submit(SUBMITTER_A, intent);
        Response second = post("/intent/submit", SUBMITTER_A, intent);

        assertStatus(second, 202);
        assertThat(first.path("repeated").asBoolean(true)).isFalse();
        assertThat(second.text("execution_id")).isEqualTo(first.path("execution_id").asText());
        assertThat(second.text("intent_id")).isEqualTo(first.path("intent_id").asText());
        assertThat(second.json().path("repeated").asBoolean(false)).isTrue();

        awaitStatus(SUBMITTER_A, first.path("execution_id").asText(), "completed");
        awaitWalEvent(OPERATOR_A, sessionId, "ExecutionCompletedEvent");
        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            Response third = post("/intent/submit", SUBMITTER_A, intent);
            assertStatus(third, 202);
            assertThat(third.text("execution_id")).isEqualTo(first.path("execution_id").asText());
            assertThat(third.json().path("repeated").asBoolean(false)).isTrue();
        });
        List<String> types = eventTypes(wal(OPERATOR_A, sessionId));
        assertThat(types.stream().filter("IntentAcceptedEvent"::equals)).hasSize(1);
        assertThat(types.stream().filter("ExecutionStartedEvent"::equals)).hasSize(1);
    }

    /**
     * Concurrent submissions with one key race to create the same execution; the losers collide on the event
     * store's unique key, submit again and find the winner's execution.
     */
    @Test
    void concurrentSubmissionsWithOneIdempotencyKeyAllAnswerTheSameExecution() throws Exception {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "race"));
        intent.put("idempotency_key", "race-" + UUID.randomUUID());
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Response> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/intent/submit", SUBMITTER_A, intent);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(response -> assertStatus(response, 202));
        assertThat(responses.stream().map(response -> response.text("execution_id")).distinct()).hasSize(1);
        assertThat(responses.stream().filter(response -> !response.json().path("repeated").asBoolean())).hasSize(1);
        awaitStatus(SUBMITTER_A, responses.get(0).text("execution_id"), "completed");
        assertThat(eventTypes(awaitWalEvent(OPERATOR_A, sessionId, "ExecutionCompletedEvent")).stream()
                .filter("IntentAcceptedEvent"::equals)).hasSize(1);
    }

    @Test
    void concurrentSubmissionsToOneSessionAreAllAccepted() throws Exception {
        String sessionId = createSession(SUBMITTER_A);
        int clients = 6;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Response> responses = new ArrayList<>();
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "parallel-" + i));
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("/intent/submit", SUBMITTER_A, intent);
                }));
            }
            start.countDown();
            for (Future<Response> future : futures) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(responses).allSatisfy(response -> assertStatus(response, 202));
        List<String> executionIds = responses.stream().map(response -> response.text("execution_id")).toList();
        assertThat(executionIds).doesNotHaveDuplicates();
        for (String executionId : executionIds) {
            awaitStatus(SUBMITTER_A, executionId, "completed");
        }
        JsonNode session = await("session " + sessionId + " to have no active execution left",
                () -> get("/session/" + sessionId, SUBMITTER_A).json(),
                read -> read.path("active_sagas").isArray() && read.path("active_sagas").isEmpty());
        assertThat(session.path("status").asText()).isEqualTo("open");
    }

    @Test
    void idempotencyKeysAreScopedToTheTenant() {
        String key = "shared-" + UUID.randomUUID();
        Map<String, Object> intentA = echoIntent(createSession(SUBMITTER_A), Map.of());
        intentA.put("idempotency_key", key);
        Map<String, Object> intentB = echoIntent(createSession(SUBMITTER_B), Map.of("message", "other"));
        intentB.put("idempotency_key", key);

        JsonNode a = submit(SUBMITTER_A, intentA);
        JsonNode b = submit(SUBMITTER_B, intentB);

        assertThat(b.path("execution_id").asText()).isNotEqualTo(a.path("execution_id").asText());
        assertThat(b.path("repeated").asBoolean(true)).isFalse();
        awaitStatus(SUBMITTER_B, b.path("execution_id").asText(), "completed");
    }

    @Test
    void sameIdempotencyKeyWithAnotherPayloadConflicts() {
        String sessionId = createSession(SUBMITTER_A);
        String key = "order-" + UUID.randomUUID();
        Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "one"));
        intent.put("idempotency_key", key);
        String executionId = submit(SUBMITTER_A, intent).path("execution_id").asText();
        Map<String, Object> different = echoIntent(sessionId, Map.of("message", "two"));
        different.put("idempotency_key", key);

        assertProblem(post("/intent/submit", SUBMITTER_A, different), 409, "IDEMPOTENCY_KEY_CONFLICT");

        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "completed");
        assertThat(step(state, 0).path("facts").path("message").asText()).as("facts of %s", state)
                .isEqualTo("one");
    }

    @Test
    void malformedJsonIsRefusedWithoutWritingAnything() {
        String sessionId = createSession(SUBMITTER_A);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> assertProblem(post("/intent/submit",
                SUBMITTER_A, "{\"session_id\": \"" + sessionId + "\", \"intent_type\": \"diagnostics.echo\", "),
                400, "MALFORMED_JSON"));
        assertProblem(post("/intent/submit", SUBMITTER_A, "not json"), 400, "MALFORMED_JSON");
    }

    @Test
    void missingSessionIdIsAnInvalidRequestNamingTheField() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of());
        intent.remove("session_id");

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 400, "INVALID_REQUEST");
            assertThat(problem.path("errors").findValuesAsText("field")).contains("session_id");
        });
    }

    @Test
    void payloadThatIsNotAnObjectIsRefusedWithoutWritingAnything() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, null);
        intent.put("payload", 5);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 400, "INVALID_REQUEST");
            assertThat(problem.path("errors").findValuesAsText("field")).contains("payload");
        });
    }

    @Test
    void badlyFormedIntentTypeIsRefusedWithoutWritingAnything() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of());
        intent.put("intent_type", "Diagnostics Echo");

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 400, "INVALID_REQUEST");
            assertThat(problem.path("errors").findValuesAsText("field")).contains("intent_type");
        });
    }

    @Test
    void unsupportedContentTypeIsRefusedWithoutWritingAnything() {
        String sessionId = createSession(SUBMITTER_A);
        String body = toJson(echoIntent(sessionId, Map.of()));

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> assertProblem(send("POST", "/intent/submit",
                SUBMITTER_A, HttpRequest.BodyPublishers.ofString(body), "text/plain"), 415,
                "UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unknownIntentTypeIsARecordedRejection() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of());
        intent.put("intent_type", "diagnostics.no_such_action");

        JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 422, "UNKNOWN_INTENT_TYPE");

        String executionId = problem.path("execution_id").asText();
        Response status = get("/execution/" + executionId + "/status", SUBMITTER_A);
        assertStatus(status, 200);
        assertThat(status.text("status")).isEqualTo("rejected");
        assertThat(status.text("rejection_code")).isEqualTo("UNKNOWN_INTENT_TYPE");
        List<JsonNode> wal = awaitWalEvent(OPERATOR_A, sessionId, "IntentRejectedEvent");
        assertThat(eventTypes(wal)).doesNotContain("IntentAcceptedEvent");
    }

    @Test
    void realmOtherThanTheCapabilitysIsARealmMismatch() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of());
        intent.put("realm", "content");

        JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 422, "REALM_MISMATCH");

        Response status = get("/execution/" + problem.path("execution_id").asText() + "/status", SUBMITTER_A);
        assertThat(status.text("status")).isEqualTo("rejected");
        assertThat(status.text("rejection_code")).isEqualTo("REALM_MISMATCH");
    }

    @Test
    void matchingRealmIsAccepted() {
        Map<String, Object> intent = echoIntent(createSession(SUBMITTER_A), Map.of());
        intent.put("realm", "diagnostics");

        awaitStatus(SUBMITTER_A, submit(SUBMITTER_A, intent).path("execution_id").asText(), "completed");
    }

    @Test
    void payloadViolatingTheSchemaIsRefusedWithItsViolations() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fail_times", -1);
        payload.put("surprise", "not allowed");

        JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, echoIntent(sessionId, payload)), 422,
                "PAYLOAD_SCHEMA_VIOLATION");

        assertThat(problem.path("violations").isArray()).as("violations in %s", problem).isTrue();
        assertThat(problem.path("violations").size()).isGreaterThanOrEqualTo(2);
        assertThat(problem.path("violations").toString()).contains("fail_times").contains("surprise");
        Response status = get("/execution/" + problem.path("execution_id").asText() + "/status", SUBMITTER_A);
        assertThat(status.text("status")).isEqualTo("rejected");
        assertThat(status.text("rejection_code")).isEqualTo("PAYLOAD_SCHEMA_VIOLATION");
        assertThat(status.json().path("violations")).isNotEmpty();
    }

    @Test
    void unknownSessionIsNotFound() {
        assertProblem(post("/intent/submit", SUBMITTER_A, echoIntent(UUID.randomUUID().toString(), Map.of())), 404,
                "SESSION_NOT_FOUND");
    }

    @Test
    void anotherTenantsSessionIsNotFoundAndGetsNothingWritten() {
        String sessionId = createSession(SUBMITTER_A);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_B, echoIntent(sessionId, Map.of())),
                    404, "SESSION_NOT_FOUND");
            assertProblem(get("/execution/" + problem.path("execution_id").asText() + "/status", SUBMITTER_A), 404,
                    "EXECUTION_NOT_FOUND");
        });
    }

    @Test
    void bodyNamingAnotherTenantIsATenantMismatchAndWritesNothing() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of());
        intent.put("tenant_id", TENANT_B);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> assertProblem(post("/intent/submit",
                SUBMITTER_A, intent), 403, "TENANT_MISMATCH"));
    }

    @Test
    void bodyNamingTheOwnTenantIsAccepted() {
        Map<String, Object> intent = echoIntent(createSession(SUBMITTER_A), Map.of());
        intent.put("tenant_id", TENANT_A);

        submit(SUBMITTER_A, intent);
    }

    @Test
    void oversizedBodyIsRefusedWithoutWritingAnything() {
        String sessionId = createSession(SUBMITTER_A);
        Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "x".repeat(100_000)));

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            JsonNode problem = assertProblem(post("/intent/submit", SUBMITTER_A, intent), 413, "PAYLOAD_TOO_LARGE");
            assertThat(problem.path("max_body_bytes").asLong()).isEqualTo(MAX_BODY_BYTES);
        });
    }

    @Test
    void keyWithoutTheSubmitterRoleIsForbiddenAndWritesNothing() {
        String sessionId = createSession(SUBMITTER_A);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            assertProblem(post("/intent/submit", OPERATOR_ONLY_A, echoIntent(sessionId, Map.of())), 403,
                    "FORBIDDEN");
            assertProblem(post("/intent/submit", OPERATOR_A, echoIntent(sessionId, Map.of())), 403, "FORBIDDEN");
            assertProblem(post("/intent/submit", APPROVER_A, echoIntent(sessionId, Map.of())), 403, "FORBIDDEN");
        });
    }

    @Test
    void requestWithoutKeyIsUnauthenticatedAndWritesNothing() {
        String sessionId = createSession(SUBMITTER_A);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> assertProblem(post("/intent/submit", null,
                echoIntent(sessionId, Map.of())), 401, "UNAUTHENTICATED"));
    }
}
