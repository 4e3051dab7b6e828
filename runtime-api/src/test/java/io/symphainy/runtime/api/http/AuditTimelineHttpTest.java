package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /execution/{id}/timeline} and {@code GET /session/{id}/timeline} end to end: the merged, ordered audit
 * record of intents and policy decisions, step attempts, retries, compensations and replays.
 */
class AuditTimelineHttpTest extends HttpTestSupport {

    @Test
    void anExecutionTimelineShowsTheIntentPolicyStepAttemptsAndRetries() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "audit", "fail_times", 1));
        awaitStatus(SUBMITTER_A, executionId, "completed");

        JsonNode body = awaitTimeline("/execution/" + executionId + "/timeline", OPERATOR_A, "ExecutionCompletedEvent");

        assertThat(body.path("execution_id").asText()).isEqualTo(executionId);
        assertCompleteness(body);
        List<JsonNode> entries = list(body);
        assertOrdered(entries);
        JsonNode intent = entries.get(0);
        assertThat(intent.path("event_type").asText()).isEqualTo("IntentAcceptedEvent");
        assertThat(intent.path("summary").asText()).contains("intent " + ECHO + " accepted").contains("policy ALLOW");
        assertThat(intent.path("user_id").asText()).isEqualTo("alice");
        assertThat(intent.path("session_id").asText()).isEqualTo(sessionId);
        for (JsonNode entry : entries) {
            assertThat(entry.path("execution_id").asText()).isEqualTo(executionId);
            assertThat(entry.path("intent_type").asText()).as("%s", entry).isEqualTo(ECHO);
            assertThat(entry.path("tenant_id").asText()).isEqualTo(TENANT_A);
        }
        assertThat(eventTypes(entries)).containsSubsequence("IntentAcceptedEvent", "StepStartedEvent",
                "StepSucceededEvent", "StepStartedEvent", "StepFailedEvent", "StepRetryScheduledEvent",
                "StepStartedEvent", "StepSucceededEvent", "ExecutionCompletedEvent");
        JsonNode failed = only(entries, "StepFailedEvent");
        assertThat(failed.path("attempt").asInt()).isEqualTo(1);
        assertThat(failed.path("summary").asText()).startsWith("step " + failed.path("step_name").asText()
                + " attempt 1 failed: ");
        assertThat(failed.path("duration_millis").isNumber()).isTrue();
        assertThat(only(entries, "StepRetryScheduledEvent").path("attempt").asInt()).isEqualTo(2);
        entries.stream().filter(entry -> entry.path("event_type").asText().equals("StepSucceededEvent"))
                .forEach(entry -> assertThat(entry.path("duration_millis").isNumber()).as("%s", entry).isTrue());
        assertThat(only(entries, "ExecutionCompletedEvent").path("outcome").asText()).isEqualTo("completed");
        assertThat(intent.path("outcome").asText(null)).isNull();
    }

    @Test
    void aPermanentFailureShowsTheCompensations() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("fail_permanently_at", 3));
        awaitStatus(SUBMITTER_A, executionId, "compensated");

        List<JsonNode> entries = list(awaitTimeline("/execution/" + executionId + "/timeline", AUDITOR_ONLY_A,
                "ExecutionCompensatedEvent"));

        assertThat(eventTypes(entries)).containsSubsequence("StepFailedEvent", "CompensationStartedEvent",
                "CompensationStepStartedEvent", "StepCompensatedEvent", "StepCompensatedEvent",
                "ExecutionCompensatedEvent");
        JsonNode failed = only(entries, "StepFailedEvent");
        assertThat(failed.path("summary").asText()).endsWith("failed: DIAGNOSTICS_REQUESTED_FAILURE");
        JsonNode compensated = only(entries, "ExecutionCompensatedEvent");
        assertThat(compensated.path("outcome").asText()).isEqualTo("compensated");
        assertThat(compensated.path("summary").asText()).contains("step3");
    }

    @Test
    void aReplayIsOnTheTimeline() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("message", "replay"));
        awaitStatus(SUBMITTER_A, executionId, "completed");
        assertStatus(post("/execution/" + executionId + "/replay", OPERATOR_A, Map.of("mode", "events_only")), 200);

        List<JsonNode> entries = list(awaitTimeline("/execution/" + executionId + "/timeline", OPERATOR_A,
                "ExecutionReplayedEvent"));

        JsonNode replayed = only(entries, "ExecutionReplayedEvent");
        assertThat(replayed.path("summary").asText()).startsWith("replay events_only by olivia");
        assertThat(replayed.path("user_id").asText()).isEqualTo("olivia");
        assertThat(eventTypes(entries).indexOf("ExecutionReplayedEvent"))
                .isGreaterThan(eventTypes(entries).indexOf("ExecutionCompletedEvent"));
    }

    @Test
    void aSessionTimelineMergesItsExecutionsInOrder() {
        String sessionId = createSession(SUBMITTER_A);
        String first = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "one"));
        awaitStatus(SUBMITTER_A, first, "completed");
        String second = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "two"));
        awaitStatus(SUBMITTER_A, second, "completed");

        JsonNode body = await("both executions on the session timeline",
                () -> get("/session/" + sessionId + "/timeline", AUDITOR_ONLY_A).json(),
                json -> list(json).stream().filter(e -> e.path("outcome").asText().equals("completed")).count() == 2);

        assertThat(body.path("session_id").asText()).isEqualTo(sessionId);
        assertCompleteness(body);
        List<JsonNode> entries = list(body);
        assertOrdered(entries);
        List<String> executions = new ArrayList<>();
        entries.forEach(entry -> executions.add(entry.path("execution_id").asText()));
        assertThat(executions).contains(first, second);
        assertThat(executions.lastIndexOf(first)).isLessThan(executions.indexOf(second));
        assertThat(entries).allSatisfy(entry -> assertThat(entry.path("session_id").asText()).isEqualTo(sessionId));
    }

    @Test
    void timelinesAreForAuditorsAndOperatorsOfTheSameTenant() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "guarded"));
        awaitStatus(SUBMITTER_A, executionId, "completed");
        String execution = "/execution/" + executionId + "/timeline";
        String session = "/session/" + sessionId + "/timeline";
        for (String path : List.of(execution, session)) {
            assertProblem(get(path, SUBMITTER_ONLY_A), 403, "FORBIDDEN");
            assertProblem(get(path, APPROVER_A), 403, "FORBIDDEN");
            assertProblem(get(path, null), 401, "UNAUTHENTICATED");
            assertStatus(get(path, OPERATOR_ONLY_A), 200);
            assertStatus(get(path, AUDITOR_ONLY_A), 200);
        }
        assertProblem(get(execution, OPERATOR_B), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get(session, OPERATOR_B), 404, "SESSION_NOT_FOUND");
        assertProblem(get("/execution/" + UUID.randomUUID() + "/timeline", OPERATOR_A), 404, "EXECUTION_NOT_FOUND");
        assertProblem(get("/session/" + UUID.randomUUID() + "/timeline", OPERATOR_A), 404, "SESSION_NOT_FOUND");
    }

    @Test
    void timelinesArePagedByPositionWithoutGapsOrRepeats() {
        String sessionId = createSession(SUBMITTER_A);
        String first = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "page", "fail_times", 1));
        awaitStatus(SUBMITTER_A, first, "completed");
        String second = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "page two"));
        awaitStatus(SUBMITTER_A, second, "completed");
        String executionPath = "/execution/" + first + "/timeline";
        List<JsonNode> whole = list(awaitTimeline(executionPath, OPERATOR_A, "ExecutionCompletedEvent"));
        List<JsonNode> session = list(await("both executions on the session timeline",
                () -> get("/session/" + sessionId + "/timeline", OPERATOR_A).json(),
                json -> list(json).stream().filter(e -> e.path("outcome").asText().equals("completed")).count() == 2));

        assertThat(positions(pages(executionPath, 3))).containsExactlyElementsOf(positions(whole));
        assertThat(positions(pages("/session/" + sessionId + "/timeline", 4)))
                .containsExactlyElementsOf(positions(session));
        JsonNode last = get(executionPath + "?limit=1000", OPERATOR_A).json();
        assertThat(last.path("next_after").isMissingNode() || last.path("next_after").isNull()).isTrue();
        for (String query : List.of("limit=0", "limit=1001", "after=-1", "limit=x")) {
            assertProblem(get(executionPath + "?" + query, OPERATOR_A), 400, "INVALID_REQUEST");
            assertProblem(get("/session/" + sessionId + "/timeline?" + query, OPERATOR_A), 400, "INVALID_REQUEST");
        }
    }

    /** Every entry of a timeline, read page by page of the given size. */
    private List<JsonNode> pages(String path, int limit) {
        List<JsonNode> entries = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            Response page = get(path + "?limit=" + limit + (after == null ? "" : "&after=" + after), AUDITOR_ONLY_A);
            assertStatus(page, 200);
            assertCompleteness(page.json());
            assertThat(list(page.json()).size()).isLessThanOrEqualTo(limit);
            entries.addAll(list(page.json()));
            JsonNode next = page.json().path("next_after");
            after = next.isMissingNode() || next.isNull() ? null : next.asText();
            pages++;
        } while (after != null);
        assertThat(pages).isGreaterThan(1);
        return entries;
    }

    private static List<Long> positions(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("position").asLong()).toList();
    }

    private JsonNode awaitTimeline(String path, String apiKey, String eventType) {
        return await(path + " to contain " + eventType, () -> {
            Response response = get(path, apiKey);
            assertStatus(response, 200);
            return response.json();
        }, json -> eventTypes(list(json)).contains(eventType));
    }

    static List<JsonNode> list(JsonNode body) {
        List<JsonNode> entries = new ArrayList<>();
        body.path("entries").forEach(entries::add);
        return entries;
    }

    static JsonNode only(List<JsonNode> entries, String eventType) {
        List<JsonNode> matching = entries.stream().filter(e -> e.path("event_type").asText().equals(eventType))
                .toList();
        assertThat(matching).as("%s in %s", eventType, entries).hasSize(1);
        return matching.get(0);
    }

    static void assertOrdered(List<JsonNode> entries) {
        long previous = 0;
        for (JsonNode entry : entries) {
            assertThat(entry.path("position").asLong()).isGreaterThan(previous);
            previous = entry.path("position").asLong();
        }
    }

    static void assertCompleteness(JsonNode body) {
        assertThat(body.path("completeness").path("position").isNumber()).as("%s", body).isTrue();
        assertThat(body.path("completeness").path("behind").isBoolean()).as("%s", body).isTrue();
    }
}
