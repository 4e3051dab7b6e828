package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /execution/{id}/replay} end to end: events straight from the event store, state folded with the
 * aggregates' handlers beside the State Surface, and shadow re-execution of repeatable steps.
 */
class ReplayHttpTest extends HttpTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void eventsOnlyListsTheExecutionsAndSagasEventsInOrder() {
        String executionId = completedEcho();

        JsonNode report = replay(executionId, "events_only");

        List<String> types = new ArrayList<>();
        report.path("events").forEach(event -> types.add(event.path("event_type").asText()));
        assertThat(types.get(0)).isEqualTo("IntentAcceptedEvent");
        assertThat(types).containsSubsequence("IntentAcceptedEvent", "SagaStartedEvent", "StepStartedEvent",
                "StepSucceededEvent", "SagaCompletedEvent", "ExecutionCompletedEvent");
        Map<String, Long> lastSequence = new LinkedHashMap<>();
        String previousTimestamp = "";
        int index = 0;
        for (JsonNode event : report.path("events")) {
            assertThat(event.path("index").asInt()).isEqualTo(index++);
            String aggregate = event.path("aggregate_identifier").asText();
            long sequence = event.path("sequence_number").asLong();
            assertThat(sequence).isGreaterThan(lastSequence.getOrDefault(aggregate, -1L));
            lastSequence.put(aggregate, sequence);
            assertThat(event.path("timestamp").asText()).isGreaterThanOrEqualTo(previousTimestamp);
            previousTimestamp = event.path("timestamp").asText();
            assertThat(event.path("payload").path("executionId").path("value").asText()).isEqualTo(executionId);
            assertThat(event.path("metadata").path("tenantId").asText()).isEqualTo(TENANT_A);
        }
        assertThat(lastSequence).hasSize(2);
        assertThat(report.path("outcome").asText()).endsWith("events");
    }

    @Test
    void stateOnlyAgreesWithTheStateSurfaceUntilTheRecordIsTamperedWith() {
        String executionId = completedEcho();

        JsonNode clean = replay(executionId, "state_only").path("state");
        assertThat(clean.path("execution").path("status").asText()).isEqualTo("completed");
        assertThat(clean.path("saga").path("steps")).hasSize(3);
        assertThat(clean.path("saga").path("steps").get(2).path("status").asText()).isEqualTo("succeeded");
        assertThat(clean.path("recorded").path("status").asText()).isEqualTo("completed");
        assertThat(clean.path("drift")).isEmpty();

        jdbc.update("update execution_state set status = 'failed' where execution_id = ?", UUID.fromString(executionId));
        jdbc.update("update execution_step_state set attempts = 7 where execution_id = ? and step_index = 1",
                UUID.fromString(executionId));

        JsonNode report = replay(executionId, "state_only");
        List<String> fields = new ArrayList<>();
        report.path("state").path("drift").forEach(drift -> fields.add(drift.path("field").asText()));
        assertThat(fields).containsExactly("status", "steps[1].attempts");
        assertThat(report.path("state").path("drift").get(0).path("replayed").asText()).isEqualTo("completed");
        assertThat(report.path("state").path("drift").get(0).path("recorded").asText()).isEqualTo("failed");
        assertThat(report.path("outcome").asText()).isEqualTo("drift in 2 fields");
    }

    @Test
    void asOfRebuildsAnEarlierState() {
        String executionId = completedEcho();

        JsonNode first = replayBody(executionId, Map.of("mode", "state_only", "as_of", "0")).path("state");
        assertThat(first.path("folded_events").asInt()).isEqualTo(1);
        assertThat(first.path("execution").path("status").asText()).isEqualTo("accepted");
        assertThat(absent(first.path("saga"))).isTrue();

        JsonNode events = replay(executionId, "events_only").path("events");
        int firstSuccess = -1;
        for (JsonNode event : events) {
            if (firstSuccess < 0 && event.path("event_type").asText().equals("StepSucceededEvent")) {
                firstSuccess = event.path("index").asInt();
            }
        }
        String at = events.get(firstSuccess).path("timestamp").asText();
        JsonNode midway = replayBody(executionId, Map.of("mode", "state_only", "as_of", at)).path("state");
        assertThat(midway.path("execution").path("status").asText()).isEqualTo("running");
        assertThat(midway.path("saga").path("steps").get(0).path("status").asText()).isEqualTo("succeeded");
        assertThat(midway.path("saga").path("steps").get(2).path("status").asText()).isEqualTo("pending");
    }

    @Test
    void fullReplayRerunsPureStepsAndReportsAMatch() {
        String executionId = completedEcho();

        JsonNode report = replay(executionId, "full");

        assertThat(report.path("steps")).hasSize(3);
        for (JsonNode step : report.path("steps")) {
            assertThat(step.path("treatment").asText()).isEqualTo("re_run");
            assertThat(step.path("verdict").asText()).as("%s", step).isEqualTo("match");
            assertThat(step.path("recomputed")).isEqualTo(step.path("recorded"));
        }
        assertThat(report.path("outcome").asText()).isEqualTo("3 re-run (3 match, 0 diverge), 0 substituted");
    }

    @Test
    void fullReplaySubstitutesNonRepeatableStepsWithoutRunningThem() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submit(SUBMITTER_A, Map.of("session_id", sessionId, "intent_type",
                TransferCapability.TRANSFER, "payload", Map.of("amount", 5))).path("execution_id").asText();
        awaitStatus(SUBMITTER_A, executionId, "completed");
        long transfers = TransferCapability.RUNS.stream().filter(("transfer:" + executionId)::equals).count();

        JsonNode steps = replay(executionId, "full").path("steps");

        assertThat(steps.get(0).path("treatment").asText()).isEqualTo("re_run");
        assertThat(steps.get(0).path("verdict").asText()).isEqualTo("match");
        assertThat(steps.get(1).path("treatment").asText()).isEqualTo("substituted");
        assertThat(steps.get(1).path("recorded").path("references").path("transfer.transfer").asText())
                .isEqualTo("done");
        assertThat(absent(steps.get(1).path("recomputed"))).isTrue();
        assertThat(TransferCapability.RUNS.stream().filter(("transfer:" + executionId)::equals).count())
                .isEqualTo(transfers);
    }

    @Test
    void fullReplayReportsADivergence() {
        String sessionId = createSession(SUBMITTER_A);
        ReplayProbeCapability.OUTPUT = "first";
        String executionId = submit(SUBMITTER_A, Map.of("session_id", sessionId, "intent_type",
                ReplayProbeCapability.PROBE, "payload", Map.of())).path("execution_id").asText();
        awaitStatus(SUBMITTER_A, executionId, "completed");
        ReplayProbeCapability.OUTPUT = "second";

        JsonNode step = replay(executionId, "full").path("steps").get(0);

        assertThat(step.path("verdict").asText()).isEqualTo("divergence");
        assertThat(step.path("recorded").path("references").path("probe.output").asText()).isEqualTo("first");
        assertThat(step.path("recomputed").path("references").path("probe.output").asText()).isEqualTo("second");
    }

    @Test
    void everyReplayIsRecordedOnTheExecutionAndInTheWal() {
        String sessionId = createSession(SUBMITTER_A);
        String executionId = submitEcho(SUBMITTER_A, sessionId, Map.of("message", "replayed"));
        awaitStatus(SUBMITTER_A, executionId, "completed");

        replay(executionId, "full");

        List<JsonNode> wal = awaitWalEvent(OPERATOR_A, sessionId, "ExecutionReplayedEvent");
        JsonNode replayed = wal.stream().filter(entry -> entry.path("event_type").asText()
                .equals("ExecutionReplayedEvent")).findFirst().orElseThrow();
        assertThat(replayed.path("execution_id").asText()).isEqualTo(executionId);
        assertThat(replayed.path("payload").path("mode").asText()).isEqualTo("full");
        assertThat(replayed.path("payload").path("requestedBy").path("value").asText()).isEqualTo("olivia");
        assertThat(replayed.path("payload").path("outcome").asText()).contains("3 re-run");
        assertThat(get("/execution/" + executionId + "/status", SUBMITTER_A).text("status")).isEqualTo("completed");
    }

    @Test
    void replayIsForOperatorsOnly() {
        String executionId = completedEcho();
        Map<String, Object> body = Map.of("mode", "events_only");
        for (String key : List.of(SUBMITTER_A, SUBMITTER_ONLY_A, AUDITOR_ONLY_A, APPROVER_A)) {
            assertProblem(post("/execution/" + executionId + "/replay", key, body), 403, "FORBIDDEN");
        }
        assertProblem(post("/execution/" + executionId + "/replay", null, body), 401, "UNAUTHENTICATED");
        assertStatus(post("/execution/" + executionId + "/replay", OPERATOR_ONLY_A, body), 200);
    }

    @Test
    void anotherTenantsOrAnUnknownExecutionIsNotFound() {
        String executionId = completedEcho();
        for (String mode : List.of("events_only", "state_only", "full")) {
            assertProblem(post("/execution/" + executionId + "/replay", OPERATOR_B, Map.of("mode", mode)), 404,
                    "EXECUTION_NOT_FOUND");
        }
        assertProblem(post("/execution/" + UUID.randomUUID() + "/replay", OPERATOR_A, Map.of("mode", "full")), 404,
                "EXECUTION_NOT_FOUND");
    }

    @Test
    void invalidRequestsAreRefused() {
        String executionId = completedEcho();
        String path = "/execution/" + executionId + "/replay";
        assertProblem(post(path, OPERATOR_A, Map.of("mode", "everything")), 400, "INVALID_REQUEST");
        assertProblem(post(path, OPERATOR_A, Map.of()), 400, "INVALID_REQUEST");
        assertProblem(post(path, OPERATOR_A, Map.of("mode", "state_only", "as_of", "yesterday")), 400,
                "INVALID_REQUEST");
        assertProblem(post(path, OPERATOR_A, Map.of("mode", "full", "as_of", "1")), 400, "INVALID_REQUEST");
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private String completedEcho() {
        String executionId = submitEcho(SUBMITTER_A, createSession(SUBMITTER_A), Map.of("message", "replay me"));
        awaitStatus(SUBMITTER_A, executionId, "completed");
        return executionId;
    }

    private JsonNode replay(String executionId, String mode) {
        return replayBody(executionId, Map.of("mode", mode));
    }

    private JsonNode replayBody(String executionId, Map<String, Object> body) {
        Response response = post("/execution/" + executionId + "/replay", OPERATOR_A, body);
        assertStatus(response, 200);
        assertThat(response.text("mode")).isEqualTo(body.get("mode"));
        return response.json();
    }
}
