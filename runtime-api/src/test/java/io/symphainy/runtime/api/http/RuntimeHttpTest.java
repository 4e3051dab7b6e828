package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@code /runtime/*} end to end: the operator and auditor views of executions and of a session's WAL.
 */
class RuntimeHttpTest extends HttpTestSupport {

    @Test
    void stateOfAnExecutionIsReadByOperatorsAndAuditors() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        JsonNode status = awaitStatus(SUBMITTER_A, executionId, "completed");

        for (String key : List.of(OPERATOR_A, OPERATOR_ONLY_A, AUDITOR_ONLY_A)) {
            Response state = get("/runtime/state/" + executionId, key);
            assertStatus(state, 200);
            assertThat(state.text("execution_id")).isEqualTo(executionId);
            assertThat(state.text("status")).isEqualTo("completed");
            assertThat(state.json().path("steps")).isEqualTo(status.path("steps"));
        }
    }

    @Test
    void stateIsForbiddenToKeysWithoutOperatorOrAuditorRole() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");

        assertProblem(get("/runtime/state/" + executionId, SUBMITTER_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/state/" + executionId, SUBMITTER_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/state/" + executionId, APPROVER_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/state/" + executionId, null), 401, "UNAUTHENTICATED");
    }

    @Test
    void stateOfAnotherTenantsExecutionIsNotFound() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");

        assertProblem(get("/runtime/state/" + executionId, OPERATOR_B), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/runtime/state/" + UUID.randomUUID(), OPERATOR_A), 404, "EXECUTION_NOT_FOUND");
    }

    @Test
    void walListsTheSessionsEventsInOrder() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "wal"));
        awaitStatus(SUBMITTER_A, executionId, "completed");

        List<JsonNode> entries = awaitWalEvent(OPERATOR_A, sessionId, "ExecutionCompletedEvent");

        List<String> types = eventTypes(entries);
        assertThat(types.get(0)).isEqualTo("SessionCreatedEvent");
        assertThat(types).containsSubsequence("SessionCreatedEvent", "IntentAcceptedEvent", "StepStartedEvent",
                "StepSucceededEvent", "ExecutionCompletedEvent");
        assertThat(types.stream().filter("StepSucceededEvent"::equals)).hasSize(3);
        assertThat(types.indexOf("ExecutionCompletedEvent"))
                .isGreaterThan(types.lastIndexOf("StepSucceededEvent"));
        long previous = -1;
        for (JsonNode entry : entries) {
            long position = entry.path("position").asLong();
            assertThat(position).as("positions strictly increase: %s", types).isGreaterThan(previous);
            previous = position;
        }
        JsonNode accepted = entries.get(types.indexOf("IntentAcceptedEvent"));
        assertThat(accepted.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(accepted.path("occurred_at").asText()).isNotBlank();
    }

    @Test
    void walPagesCoverEverythingOnceAndEndWithNullNextAfter() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of());
        awaitStatus(SUBMITTER_A, executionId, "completed");
        List<JsonNode> all = awaitWalEvent(OPERATOR_A, sessionId, "ExecutionCompletedEvent");
        assertThat(all.size()).isGreaterThan(4);

        List<JsonNode> paged = new ArrayList<>();
        Set<Long> positions = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Response page = get("/runtime/wal/" + sessionId + "?limit=2" + (after == null ? "" : "&after=" + after),
                    AUDITOR_ONLY_A);
            assertStatus(page, 200);
            pages++;
            assertThat(page.text("session_id")).isEqualTo(sessionId);
            JsonNode entries = page.json().path("entries");
            assertThat(entries.size()).isBetween(1, 2);
            entries.forEach(entry -> {
                assertThat(positions.add(entry.path("position").asLong())).as("duplicate %s", entry).isTrue();
                paged.add(entry);
            });
            JsonNode next = page.json().path("next_after");
            if (next.isNull() || next.isMissingNode()) {
                after = null;
            } else {
                assertThat(next.asLong()).isEqualTo(entries.get(entries.size() - 1).path("position").asLong());
                after = next.asText();
            }
            assertThat(pages).as("pagination must end").isLessThan(100);
        } while (after != null);

        assertThat(pages).isEqualTo((all.size() + 1) / 2);
        assertThat(paged).isEqualTo(all);
    }

    /**
     * A cancellation is sent by execution id alone; the execution still files its events under its session, so the
     * session's WAL shows the cancellation, who asked for it and why.
     */
    @Test
    void walRecordsTheCancellationOfAnExecution() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("sleep_ms", 300));
        await("step1 of " + executionId + " to run", () -> get("/execution/" + executionId + "/status", SUBMITTER_A)
                .json(), state -> "running".equals(stepStatus(state, 0)));
        assertStatus(post("/execution/" + executionId + "/cancel", SUBMITTER_A, Map.of("reason", "audit me")), 202);
        awaitStatus(SUBMITTER_A, executionId, "cancelled");

        List<JsonNode> entries = awaitWalEvent(OPERATOR_A, sessionId, "SagaCompensatedEvent");

        List<String> types = eventTypes(entries);
        assertThat(types).as("WAL of session %s", sessionId).contains("ExecutionCancelledEvent");
        JsonNode cancelled = entries.get(types.indexOf("ExecutionCancelledEvent"));
        assertThat(cancelled.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(cancelled.toString()).contains("audit me");
        assertThat(types.indexOf("ExecutionCancelledEvent")).isLessThan(types.indexOf("SagaCompensatedEvent"));
    }

    /**
     * Concurrent executions in one session commit events out of event-store index order; the WAL keeps every one
     * of them, in commit order, and its pages never skip an event that committed late.
     */
    @Test
    void walKeepsEveryEventOfConcurrentExecutions() throws Exception {
        int clients = 6;
        for (int round = 0; round < 4; round++) {
            String sessionId = createSession(SUBMITTER_A);
            List<String> executionIds = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Response>> futures = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    Map<String, Object> intent = echoIntent(sessionId, Map.of("message", "round-" + round));
                    futures.add(pool.submit(() -> {
                        start.await();
                        return post("/intent/submit", SUBMITTER_A, intent);
                    }));
                }
                start.countDown();
                for (Future<Response> future : futures) {
                    Response response = future.get();
                    assertStatus(response, 202);
                    executionIds.add(response.text("execution_id"));
                }
            } finally {
                pool.shutdownNow();
            }
            for (String executionId : executionIds) {
                awaitStatus(SUBMITTER_A, executionId, "completed");
            }
            List<JsonNode> entries = await("WAL of " + sessionId + " to hold the completion of " + executionIds,
                    () -> wal(OPERATOR_A, sessionId),
                    wal -> executionIds.stream().allMatch(id -> walHas(wal, id, "ExecutionCompletedEvent")));
            for (String executionId : executionIds) {
                assertThat(walHas(entries, executionId, "IntentAcceptedEvent")).isTrue();
                assertThat(entries.stream().filter(entry -> executionId.equals(entry.path("execution_id").asText())
                        && "StepSucceededEvent".equals(entry.path("event_type").asText()))).hasSize(3);
            }
        }
    }

    private static boolean walHas(List<JsonNode> entries, String executionId, String eventType) {
        return entries.stream().anyMatch(entry -> executionId.equals(entry.path("execution_id").asText())
                && eventType.equals(entry.path("event_type").asText()));
    }

    @Test
    void walRefusesLimitsOutsideOneToOneThousand() {
        String sessionId = createSession(SUBMITTER_A);

        JsonNode zero = assertProblem(get("/runtime/wal/" + sessionId + "?limit=0", OPERATOR_A), 400,
                "INVALID_REQUEST");
        JsonNode huge = assertProblem(get("/runtime/wal/" + sessionId + "?limit=5000", OPERATOR_A), 400,
                "INVALID_REQUEST");
        assertThat(zero.path("errors").toString()).contains("limit");
        assertThat(huge.path("errors").toString()).contains("limit");
        assertProblem(get("/runtime/wal/" + sessionId + "?after=-1", OPERATOR_A), 400, "INVALID_REQUEST");
        assertProblem(get("/runtime/wal/" + sessionId + "?limit=abc", OPERATOR_A), 400, "INVALID_REQUEST");
        assertStatus(get("/runtime/wal/" + sessionId + "?limit=1000", OPERATOR_A), 200);
    }

    @Test
    void walOfAnotherTenantsOrAnUnknownSessionIsNotFound() {
        String sessionId = createSession(SUBMITTER_A);

        assertProblem(get("/runtime/wal/" + sessionId, OPERATOR_B), 404, "SESSION_NOT_FOUND");
        assertProblem(get("/runtime/wal/" + UUID.randomUUID(), OPERATOR_A), 404, "SESSION_NOT_FOUND");
        assertProblem(get("/runtime/wal/not-a-uuid", OPERATOR_A), 404, "NOT_FOUND");
    }

    @Test
    void walIsForbiddenToSubmitters() {
        String sessionId = createSession(SUBMITTER_A);

        assertProblem(get("/runtime/wal/" + sessionId, SUBMITTER_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/wal/" + sessionId, SUBMITTER_ONLY_A), 403, "FORBIDDEN");
        assertProblem(get("/runtime/wal/" + sessionId, null), 401, "UNAUTHENTICATED");
    }
}
