package io.symphainy.runtime.core.agent.spi;

import java.util.Map;

/**
 * The model that turns gathered facts into an answer: its text cites fact ids in square brackets after each claim,
 * e.g. {@code Pasta cooks in ten minutes [F-0a1b2c3d4e].} The runtime records the prompt, the model's name and
 * parameters and the raw output, and never calls the model on replay.
 */
public interface ReasoningModel {

    /** The provider and model, as recorded, e.g. {@code extractive} or {@code openai:llama3.1}. */
    String name();

    /** The parameters the model is called with (temperature, token limit), as recorded. */
    Map<String, Object> parameters();

    /**
     * The model's raw answer.
     *
     * @throws AgentFailure {@code AGENT_MODEL_TIMEOUT} or {@code AGENT_MODEL_UNAVAILABLE}; the agent's declaration
     *                      decides whether the step is retried
     */
    String complete(ModelPrompt prompt) throws AgentFailure;
}
