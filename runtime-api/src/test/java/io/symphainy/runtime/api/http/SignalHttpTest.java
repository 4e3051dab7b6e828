package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /execution/{id}/signal} end to end with {@code diagnostics.await}: a step waits for a signal without a
 * thread, a delivered signal completes it and its payload reaches the next step; a signal sent early is kept and
 * delivered once; repeats, refusals, another tenant, a timeout that compensates, and racing deliveries.
 */
class SignalHttpTest extends HttpTestSupport {

    static final String AWAIT = "diagnostics.await";

    @Test
    void aDeliveredSignalCompletesTheWaitAndTheNextStepEchoesItsPayload() {
        String sessionId = createSession(SUBMITTER_A);
        String signal = signalName();
        String executionId = submitAwait(sessionId, Map.of("signal", signal, "timeout_ms", 60_000));
        JsonNode waiting = awaitWaiting(executionId);
        JsonNode wait = step(waiting, 1);
        assertThat(waiting.path("status").asText()).isEqualTo("running");
        assertThat(wait.path("signal").asText()).isEqualTo(signal);
        assertThat(Instant.parse(wait.path("signal_deadline").asText())).isAfter(Instant.now().plusSeconds(30));

        Map<String, Object> payload = Map.of("note", "approved by Ada", "amount", 42, "lines", List.of("a", "b"));
        Response sent = post("/execution/" + executionId + "/signal", OPERATOR_A, signalBody(signal, payload, null));

        assertStatus(sent, 202);
        assertThat(sent.text("status")).isEqualTo("delivered");
        assertThat(sent.text("step")).isEqualTo("wait");
        JsonNode done = awaitStatus(SUBMITTER_A, executionId, "completed");
        assertThat(step(done, 1).path("status").asText()).isEqualTo("succeeded");
        assertThat(step(done, 1).path("signal").asText()).isEqualTo(signal);
        assertThat(step(done, 1).has("signal_deadline")).isFalse();
        assertThat(JSON.convertValue(step(done, 1).path("facts"), Map.class)).isEqualTo(payload);
        assertThat(JSON.convertValue(step(done, 2).path("facts"), Map.class)).as("echoed by the next step")
                .isEqualTo(payload);
        List<String> timeline = await("the timeline to show the wait and the delivery", () -> summaries(executionId),
                entries -> entries.stream().anyMatch(entry -> entry.contains("delivered")));
        assertThat(timeline).anySatisfy(entry -> assertThat(entry).contains("waits for signal '" + signal + "'"));
        JsonNode replayed = post("/execution/" + executionId + "/replay", OPERATOR_A, Map.of("mode", "full")).json();
        assertThat(replayed.path("steps").get(1).path("treatment").asText()).isEqualTo("re_used_recorded_signal");
        assertThat(replayed.path("steps").get(2).path("verdict").asText()).as("%s", replayed).isEqualTo("match");
    }

    @Test
    void aSignalSentBeforeItsStepWaitsIsKeptAndDeliveredOnce() {
        String sessionId = createSession(SUBMITTER_A);
        String signal = signalName();
        String executionId = submitAwait(sessionId, Map.of("signal", signal, "sleep_ms", 1500));

        Response sent = post("/execution/" + executionId + "/signal", SUBMITTER_A,
                signalBody(signal, Map.of("note", "early"), "early-1"));

        assertStatus(sent, 202);
        assertThat(sent.text("status")).isEqualTo("kept");
        JsonNode done = awaitStatus(SUBMITTER_A, executionId, "completed");
        assertThat(step(done, 2).path("facts").path("note").asText()).isEqualTo("early");
        List<JsonNode> wal = awaitWalEvent(OPERATOR_A, sessionId, "ExecutionCompletedEvent");
        assertThat(eventTypes(wal).stream().filter("SignalDeliveredEvent"::equals)).hasSize(1);
        assertThat(eventTypes(wal)).contains("SignalKeptEvent").doesNotContain("StepAwaitingSignalEvent");
        Response repeated = post("/execution/" + executionId + "/signal", SUBMITTER_A,
                signalBody(signal, Map.of("note", "early"), "early-1"));
        assertStatus(repeated, 202);
        assertThat(repeated.text("status")).as("the first outcome").isEqualTo("kept");
        assertThat(repeated.json().path("repeated").asBoolean()).isTrue();
    }

    @Test
    void aRepeatedIdempotencyKeyAnswersTheFirstOutcomeAndAnotherSignalIsRefused() {
        String signal = signalName();
        String executionId = submitAwait(createSession(SUBMITTER_A), Map.of("signal", signal));
        awaitWaiting(executionId);
        Map<String, Object> body = signalBody(signal, Map.of("note", "once"), "key-" + UUID.randomUUID());

        assertStatus(post("/execution/" + executionId + "/signal", SUBMITTER_A, body), 202);
        Response repeated = post("/execution/" + executionId + "/signal", SUBMITTER_A, body);

        assertStatus(repeated, 202);
        assertThat(repeated.text("status")).isEqualTo("delivered");
        assertThat(repeated.json().path("repeated").asBoolean()).isTrue();
        assertProblem(post("/execution/" + executionId + "/signal", SUBMITTER_A, signalBody(signal, Map.of(), null)),
                409, "EXECUTION_NOT_WAITING");
        assertThat(awaitStatus(SUBMITTER_A, executionId, "completed").path("steps").get(2).path("facts")
                .path("note").asText()).isEqualTo("once");
    }

    @Test
    void twoRacingDeliveriesCompleteTheWaitOnce() {
        String signal = signalName();
        String executionId = submitAwait(createSession(SUBMITTER_A), Map.of("signal", signal));
        awaitWaiting(executionId);

        List<CompletableFuture<Response>> racing = List.of("first", "second", "third").stream()
                .map(note -> CompletableFuture.supplyAsync(() -> post("/execution/" + executionId + "/signal",
                        SUBMITTER_A, signalBody(signal, Map.of("note", note), null))))
                .toList();

        List<Integer> statuses = racing.stream().map(CompletableFuture::join).map(Response::status).toList();
        assertThat(statuses).containsExactlyInAnyOrder(202, 409, 409);
        awaitStatus(SUBMITTER_A, executionId, "completed");
    }

    @Test
    void refusesSignalsOfFinishedExecutionsUnknownNamesAndInvalidPayloadsWritingNothing() {
        String sessionId = createSession(SUBMITTER_A);
        String finished = submitEcho(SUBMITTER_A, sessionId, Map.of());
        awaitStatus(SUBMITTER_A, finished, "completed");
        String signal = signalName();
        String waiting = submitAwait(sessionId, Map.of("signal", signal));
        awaitWaiting(waiting);

        assertWritesNothing(sessionId, OPERATOR_A, SUBMITTER_A, () -> {
            assertProblem(post("/execution/" + finished + "/signal", SUBMITTER_A, signalBody(signal, Map.of(), null)),
                    409, "EXECUTION_NOT_WAITING");
            assertProblem(post("/execution/" + waiting + "/signal", SUBMITTER_A,
                    signalBody("never-" + signal, Map.of(), null)), 409, "EXECUTION_NOT_WAITING");
            assertProblem(post("/execution/" + waiting + "/signal", SUBMITTER_A,
                    signalBody(signal, Map.of("note", 5), null)), 422, "SIGNAL_PAYLOAD_INVALID");
            assertProblem(post("/execution/" + waiting + "/signal", SUBMITTER_A, Map.of("payload", Map.of())),
                    400, "INVALID_REQUEST");
            assertProblem(post("/execution/" + waiting + "/signal", SUBMITTER_A, "{\"name\": "), 400,
                    "MALFORMED_JSON");
            assertProblem(post("/execution/" + waiting + "/signal", AUDITOR_ONLY_A, signalBody(signal, Map.of(),
                    null)), 403, "FORBIDDEN");
            assertProblem(post("/execution/" + waiting + "/signal", SUBMITTER_B, signalBody(signal, Map.of(), null)),
                    404, "EXECUTION_NOT_FOUND");
            assertProblem(post("/execution/" + UUID.randomUUID() + "/signal", SUBMITTER_A,
                    signalBody(signal, Map.of(), null)), 404, "EXECUTION_NOT_FOUND");
        });
        assertThat(awaitWaiting(waiting).path("status").asText()).isEqualTo("running");
    }

    @Test
    void aWaitThatTimesOutFailsAndCompensatesTheCompletedSteps() {
        String executionId = submitAwait(createSession(SUBMITTER_A), Map.of("signal", signalName(),
                "timeout_ms", 300));

        JsonNode compensated = awaitStatus(SUBMITTER_A, executionId, "compensated");

        assertThat(compensated.path("error_code").asText()).isEqualTo("SIGNAL_TIMEOUT");
        assertThat(compensated.path("failed_step").asText()).isEqualTo("wait");
        assertThat(step(compensated, 1).path("status").asText()).isEqualTo("failed");
        JsonNode prepare = await("the prepare step to be compensated", () -> step(get("/execution/" + executionId
                + "/status", SUBMITTER_A).json(), 0), step -> "compensated".equals(step.path("compensation")
                .path("status").asText()));
        assertThat(prepare.path("status").asText()).isEqualTo("succeeded");
    }

    private String submitAwait(String sessionId, Map<String, Object> payload) {
        Map<String, Object> intent = new LinkedHashMap<>();
        intent.put("session_id", sessionId);
        intent.put("intent_type", AWAIT);
        intent.put("payload", payload);
        return submit(SUBMITTER_A, intent).path("execution_id").asText();
    }

    private JsonNode awaitWaiting(String executionId) {
        return await("execution " + executionId + " to wait for its signal",
                () -> get("/execution/" + executionId + "/status", SUBMITTER_A).json(),
                state -> "waiting".equals(stepStatus(state, 1)));
    }

    private List<String> summaries(String executionId) {
        Response timeline = get("/execution/" + executionId + "/timeline", OPERATOR_A);
        assertStatus(timeline, 200);
        return timeline.json().path("entries").findValuesAsText("summary");
    }

    private static Map<String, Object> signalBody(String name, Map<String, Object> payload, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("payload", payload);
        if (idempotencyKey != null) {
            body.put("idempotency_key", idempotencyKey);
        }
        return body;
    }

    private static String signalName() {
        return "go-" + UUID.randomUUID();
    }
}
