package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.agent.model.FakeOpenAiServer;
import io.symphainy.runtime.core.agent.spi.Fact;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code content.answer} with the {@code openai} provider, against a fake OpenAI-compatible endpoint this test starts
 * on a real port: the call and its record, replay without a call (the endpoint counts requests), {@code rerun_model}
 * with its difference, an uncited answer failing for good and a slow model failing retryably, never hanging. Its
 * context (the model settings differ) is closed after the class, so its connections do not stay open for the suite.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AgentOpenAiModelHttpTest extends ContentHttpTestSupport {

    private static final FakeOpenAiServer MODEL = start();
    private static final String FERRY = "The harbour ferry is painted bright yellow. It sails every hour.";

    @DynamicPropertySource
    static void openAiModel(DynamicPropertyRegistry registry) {
        registry.add("runtime.agent.model.provider", () -> "openai");
        registry.add("runtime.agent.model.url", MODEL::baseUrl);
        registry.add("runtime.agent.model.name", () -> "fake-model");
        registry.add("runtime.agent.model.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        MODEL.close();
    }

    @BeforeEach
    void promptly() {
        MODEL.slowBy(Duration.ZERO);
    }

    @Test
    void answersThroughTheEndpointAndReplaysWithoutCallingItUnlessTheOperatorAsks() {
        String session = createSession(SUBMITTER_A);
        String factId = uploadFerry(session);
        MODEL.answering("The ferry is bright yellow [" + factId + "].");
        int before = MODEL.requests();

        JsonNode state = awaitStatus(SUBMITTER_A, ask(session), "completed");

        assertThat(MODEL.requests()).isEqualTo(before + 1);
        assertThat(MODEL.lastBody()).contains("What colour is the ferry?").contains(factId);
        JsonNode reason = step(state, 1).path("facts");
        assertThat(reason.path("model").path("name").asText()).isEqualTo("openai:fake-model");
        assertThat(reason.path("model").path("parameters").path("max_tokens").asInt()).isEqualTo(512);
        assertThat(reason.path("raw_output").asText()).isEqualTo("The ferry is bright yellow [" + factId + "].");
        assertThat(step(state, 2).path("facts").path("citations").get(0).path("fact_id").asText()).isEqualTo(factId);

        String executionId = state.path("execution_id").asText();
        MODEL.answering("The ferry is blue [F-0000000000].");
        Response replayed = post("/execution/" + executionId + "/replay", OPERATOR_A, Map.of("mode", "full"));
        assertStatus(replayed, 200);
        assertThat(replayed.json().path("steps").get(1).path("treatment").asText())
                .isEqualTo("re_run_recorded_input");
        assertThat(replayed.json().path("steps").get(1).path("verdict").asText()).isEqualTo("match");
        assertThat(MODEL.requests()).as("a replay never calls the model").isEqualTo(before + 1);

        Response rerun = post("/execution/" + executionId + "/replay", OPERATOR_A,
                Map.of("mode", "full", "rerun_model", true));
        assertStatus(rerun, 200);
        JsonNode difference = rerun.json().path("steps").get(1).path("difference");
        assertThat(difference.path("answer_changed").asBoolean()).isTrue();
        assertThat(difference.path("citations_added").get(0).asText()).isEqualTo("F-0000000000");
        assertThat(difference.path("citations_removed").get(0).asText()).isEqualTo(factId);
        assertThat(rerun.json().path("steps").get(1).path("verdict").asText()).isEqualTo("divergence");
        assertThat(MODEL.requests()).isEqualTo(before + 2);
    }

    @Test
    void anAnswerCitingNothingFailsTheReasoningForGoodAfterOneCall() {
        String session = createSession(SUBMITTER_A);
        uploadFerry(session);
        MODEL.answering("It is yellow.");
        int before = MODEL.requests();

        JsonNode state = awaitStatus(SUBMITTER_A, ask(session), "failed", "compensated");

        assertThat(state.path("error_code").asText()).isEqualTo("AGENT_ANSWER_UNCITED");
        assertThat(step(state, 1).path("attempts").asInt()).isEqualTo(1);
        assertThat(MODEL.requests()).isEqualTo(before + 1);
    }

    @Test
    void aModelSlowerThanItsTimeoutFailsEachAttemptRetryablyAndNeverHangsTheWorker() {
        String session = createSession(SUBMITTER_A);
        uploadFerry(session);
        MODEL.answering("late").slowBy(Duration.ofSeconds(3));
        int before = MODEL.requests();

        JsonNode state = awaitStatus(SUBMITTER_A, ask(session), "failed", "compensated");

        assertThat(state.path("error_code").asText()).isEqualTo("AGENT_MODEL_TIMEOUT");
        assertThat(step(state, 1).path("attempts").asInt()).isEqualTo(3);
        assertThat(MODEL.requests() - before).isEqualTo(3);
    }

    /** Uploads the ferry text into the session and returns the id of the fact its only chunk becomes. */
    private String uploadFerry(String session) {
        JsonNode upload = awaitStatus(SUBMITTER_A, uploadFile(SUBMITTER_A, session, "ferry.txt",
                FERRY.getBytes(StandardCharsets.UTF_8)), "completed");
        return Fact.idFor(step(upload, 2).path("references").path("content.chunks").asText() + "#0");
    }

    private String ask(String session) {
        return submit(SUBMITTER_A, Map.of("session_id", session, "intent_type", "content.answer",
                "payload", Map.of("question", "What colour is the ferry?"))).path("execution_id").asText();
    }

    private static FakeOpenAiServer start() {
        try {
            return new FakeOpenAiServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
