package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code content.answer} end to end over HTTP with the default extractive model: upload, ask, a cited answer in the
 * status, its provenance back to the upload, the timeline, full replay without a model call (the model-call meter
 * does not move) and with {@code rerun_model}, and another tenant's facts and ids out of reach.
 */
class AgentAnswerHttpTest extends ContentHttpTestSupport {

    private static final String LIGHTHOUSE = "The lighthouse keeper lights the great lamp at dusk every evening. "
            + "The lamp burns whale oil and can be seen thirty miles out at sea.";
    private static final String QUESTION = "When does the keeper light the lighthouse lamp?";

    @Autowired
    RuntimeMeters meters;

    @Test
    void answersAQuestionOverTheSessionsUploadsWithCitationsToTheirChunks() {
        String session = createSession(SUBMITTER_A);
        JsonNode upload = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "lighthouse.txt",
                LIGHTHOUSE.getBytes(StandardCharsets.UTF_8)), "completed");
        awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "sky.txt",
                ContentFixtures.ASTRONOMY.getBytes(StandardCharsets.UTF_8)), "completed");
        String chunkSet = step(upload, 2).path("references").path("content.chunks").asText();
        String uploadRef = step(upload, 0).path("references").path("content.upload").asText();

        String executionId = ask(SUBMITTER_A, session, QUESTION);
        JsonNode state = awaitStatus(SUBMITTER_A, executionId, "completed");

        assertThat(names(state.path("steps"))).containsExactly("search", "reason", "validate");
        JsonNode reason = step(state, 1).path("facts");
        assertThat(reason.path("model").path("name").asText()).isEqualTo("extractive");
        assertThat(reason.path("prompt").path("user").asText()).contains(QUESTION).contains("dusk");
        assertThat(reason.path("raw_output").asText()).contains("dusk").contains("[F-");
        JsonNode validated = step(state, 2).path("facts");
        assertThat(validated.path("answer").asText()).contains("lights the great lamp at dusk");
        assertThat(validated.path("validation").path("passed").asBoolean()).isTrue();
        assertThat(validated.path("validation").path("required").asBoolean()).isFalse();
        JsonNode citation = validated.path("citations").get(0);
        assertThat(citation.path("source").path("ref").asText()).isEqualTo(chunkSet);
        assertThat(citation.path("source").path("kind").asText()).isEqualTo("search_hit");
        assertThat(citation.path("text").asText()).contains("dusk");
        assertThat(validated.path("claims").get(0).path("citations").get(0).asText())
                .isEqualTo(citation.path("fact_id").asText());

        String answer = state.path("result_references").path("agent.answer").asText();
        JsonNode lineage = await("provenance of the answer " + answer, () -> get("/data/" + answer + "/provenance",
                SUBMITTER_A), response -> response.status() == 200 && response.json().path("chain").size() == 4)
                .json();
        List<String> kinds = new ArrayList<>();
        lineage.path("chain").forEach(entry -> kinds.add(entry.path("kind").asText()));
        assertThat(kinds).containsExactly("agent.answer", "content.chunks", "content.document", "content.upload");
        assertThat(lineage.path("chain").get(0).path("attributes").path("question").asText()).isEqualTo(QUESTION);
        assertThat(lineage.path("chain").get(3).path("ref_id").asText()).isEqualTo(uploadRef);

        JsonNode timeline = await("the answer's timeline", () -> get("/execution/" + executionId + "/timeline",
                OPERATOR_A).json(), body -> body.path("entries").toString().contains("ExecutionCompletedEvent"));
        List<String> steps = new ArrayList<>();
        timeline.path("entries").forEach(entry -> steps.add(entry.path("step_name").asText()));
        assertThat(steps).contains("search", "reason", "validate");
    }

    @Test
    void fullReplayRunsTheReasoningOnTheRecordedAnswerWithoutCallingTheModel() {
        String session = createSession(SUBMITTER_A);
        awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "lighthouse.txt",
                LIGHTHOUSE.getBytes(StandardCharsets.UTF_8)), "completed");
        String executionId = ask(SUBMITTER_A, session, QUESTION);
        awaitStatus(SUBMITTER_A, executionId, "completed");
        double callsBefore = modelCalls();

        Response replayed = post("/execution/" + executionId + "/replay", OPERATOR_A, Map.of("mode", "full"));

        assertStatus(replayed, 200);
        JsonNode steps = replayed.json().path("steps");
        assertThat(steps.get(0).path("treatment").asText()).isEqualTo("re_run");
        assertThat(steps.get(1).path("treatment").asText()).isEqualTo("re_run_recorded_input");
        assertThat(steps.get(2).path("treatment").asText()).isEqualTo("re_run");
        steps.forEach(step -> assertThat(step.path("verdict").asText()).as("%s", step).isEqualTo("match"));
        assertThat(modelCalls()).isEqualTo(callsBefore);

        Response rerun = post("/execution/" + executionId + "/replay", OPERATOR_A,
                Map.of("mode", "full", "rerun_model", true));

        assertStatus(rerun, 200);
        JsonNode reasoning = rerun.json().path("steps").get(1);
        assertThat(reasoning.path("treatment").asText()).isEqualTo("re_run");
        assertThat(reasoning.path("difference").path("answer_changed").asBoolean()).isFalse();
        assertThat(reasoning.path("difference").path("citations_added")).isEmpty();
        assertThat(rerun.json().path("outcome").asText()).endsWith("model re-run by operator");
        assertThat(modelCalls()).isEqualTo(callsBefore + 1);
        assertProblem(post("/execution/" + executionId + "/replay", OPERATOR_A,
                Map.of("mode", "events_only", "rerun_model", true)), 400, "INVALID_REQUEST");
    }

    @Test
    void anotherTenantsQuestionNeverSeesTheseChunksAndItsIdsAnswerNotFound() {
        String sessionA = createSession(SUBMITTER_A);
        awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, sessionA, "lighthouse.txt",
                LIGHTHOUSE.getBytes(StandardCharsets.UTF_8)), "completed");
        JsonNode answerA = awaitStatus(SUBMITTER_A, ask(SUBMITTER_A, sessionA, QUESTION), "completed");
        String sessionB = createSession(SUBMITTER_B);
        awaitStatus(SUBMITTER_B, uploadFile(SUBMITTER_B, sessionB, "sky.txt",
                ContentFixtures.ASTRONOMY.getBytes(StandardCharsets.UTF_8)), "completed");

        JsonNode answerB = awaitStatus(SUBMITTER_B, ask(SUBMITTER_B, sessionB, QUESTION), "completed");

        assertThat(step(answerB, 0).path("facts").path("gathered_facts").toString()).doesNotContain("lighthouse",
                "dusk");
        assertThat(step(answerB, 2).path("facts").path("answer").asText()).doesNotContain("dusk");
        String executionA = answerA.path("execution_id").asText();
        assertProblem(get("/execution/" + executionA + "/status", SUBMITTER_B), 404, "EXECUTION_NOT_FOUND");
        String refA = answerA.path("result_references").path("agent.answer").asText();
        assertProblem(get("/data/" + refA + "/provenance", SUBMITTER_B), 404, "DATA_REFERENCE_NOT_FOUND");
    }

    @Test
    void aQuestionWithNothingToReasonOverFailsWithAStableCode() {
        String session = createSession(SUBMITTER_A);

        JsonNode state = awaitStatus(SUBMITTER_A, ask(SUBMITTER_A, session, QUESTION), "failed",
                "compensated");

        assertThat(state.path("error_code").asText()).isEqualTo("AGENT_NO_FACTS");
        assertProblem(post("/intent/submit", SUBMITTER_A, Map.of("session_id", session, "intent_type",
                "content.answer", "payload", Map.of("question", "x".repeat(2001)))), 422, "PAYLOAD_SCHEMA_VIOLATION");
    }

    private String ask(String apiKey, String session, String question) {
        return submit(apiKey, Map.of("session_id", session, "intent_type", "content.answer",
                "payload", Map.of("question", question))).path("execution_id").asText();
    }

    private double modelCalls() {
        return meters.registry().find(RuntimeMeters.AGENT_MODEL_CALLS).tag(RuntimeMeters.TENANT, TENANT_A)
                .counters().stream().mapToDouble(Counter::count).sum();
    }

    private static List<String> names(JsonNode steps) {
        List<String> names = new ArrayList<>();
        steps.forEach(step -> names.add(step.path("name").asText()));
        return names;
    }
}
