package io.symphainy.runtime.core.agent.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.FactSource;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAI-compatible adapter against a fake endpoint on a real port: what it sends, what it returns, and how a
 * slow or failing endpoint turns into the agent failure codes.
 */
class OpenAiCompatibleModelTest {

    private static final ModelPrompt PROMPT = new ModelPrompt("system words", "user words", "question?",
            List.of(new Fact("F-1", "a fact", new FactSource(FactSource.STEP_OUTPUT, "step", null, Map.of()))));

    private FakeOpenAiServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAiServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void sendsTheSystemAndUserPromptsAndReturnsTheModelsText() throws Exception {
        OpenAiCompatibleModel model = new OpenAiCompatibleModel(server.settings(Duration.ofSeconds(5)));
        server.answering("The answer [F-1].");

        String answer = model.complete(PROMPT);

        assertThat(answer).isEqualTo("The answer [F-1].");
        assertThat(server.requests()).isEqualTo(1);
        assertThat(server.lastBody()).contains("\"fake-model\"").contains("system words")
                .contains("user words");
        assertThat(model.name()).isEqualTo("openai:fake-model");
        assertThat(model.parameters()).containsEntry("max_tokens", 256).containsEntry("url", server.baseUrl());
    }

    @Test
    void anEndpointSlowerThanTheTimeoutIsARetryableModelTimeout() {
        OpenAiCompatibleModel model = new OpenAiCompatibleModel(server.settings(Duration.ofMillis(300)));
        server.answering("late [F-1]").slowBy(Duration.ofSeconds(2));
        long started = System.nanoTime();

        AgentFailure failure = catchThrowableOfType(() -> model.complete(PROMPT), AgentFailure.class);

        assertThat(failure.code()).isEqualTo("AGENT_MODEL_TIMEOUT");
        assertThat(failure.retryable()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(server.requests()).as("never retried by the client").isLessThanOrEqualTo(1);
    }

    @Test
    void anEndpointThatFailsIsARetryableUnavailableModelAndIsCalledOnce() {
        OpenAiCompatibleModel model = new OpenAiCompatibleModel(server.settings(Duration.ofSeconds(5)));
        server.failingWith(503);

        AgentFailure failure = catchThrowableOfType(() -> model.complete(PROMPT), AgentFailure.class);

        assertThat(failure.code()).isEqualTo("AGENT_MODEL_UNAVAILABLE");
        assertThat(failure.retryable()).isTrue();
        assertThat(server.requests()).isEqualTo(1);
    }
}
