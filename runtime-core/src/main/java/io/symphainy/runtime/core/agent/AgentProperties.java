package io.symphainy.runtime.core.agent;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of agents, bound from {@code runtime.agent.*}: the bounds of what they reason over and their model.
 *
 * @param maxQuestionChars longest question an agent takes
 * @param maxFacts         most facts one execution may gather
 * @param maxFactChars     most characters of fact text one execution may hand the model
 * @param model            the reasoning model
 */
@ConfigurationProperties(prefix = "runtime.agent")
public record AgentProperties(
        @DefaultValue("2000") int maxQuestionChars,
        @DefaultValue("50") int maxFacts,
        @DefaultValue("40000") int maxFactChars,
        @DefaultValue Model model) {

    /** The extractive model, in process, needing no network. */
    public static final String EXTRACTIVE = "extractive";
    /** An OpenAI-compatible chat endpoint (OpenAI, Ollama, vLLM). */
    public static final String OPENAI = "openai";

    public AgentProperties {
        if (maxQuestionChars < 1 || maxFacts < 1 || maxFactChars < 1) {
            throw new IllegalArgumentException("runtime.agent bounds must be positive");
        }
    }

    /**
     * The reasoning model.
     *
     * @param provider    {@code extractive} (default) or {@code openai}
     * @param url         base URL of the OpenAI-compatible API, e.g. {@code http://localhost:11434/v1}
     * @param name        the model to ask for, e.g. {@code llama3.1}
     * @param apiKey      the endpoint's key; local servers take any
     * @param timeout     how long one call may take; the reasoning step is cut off a little later
     * @param temperature sampling temperature
     * @param maxTokens   longest answer, in tokens
     * @param maxClaims   most claims the extractive model makes
     */
    public record Model(
            @DefaultValue(EXTRACTIVE) String provider,
            String url,
            @DefaultValue("gpt-4o-mini") String name,
            String apiKey,
            @DefaultValue("60s") Duration timeout,
            @DefaultValue("0.0") double temperature,
            @DefaultValue("512") int maxTokens,
            @DefaultValue("3") int maxClaims) {

        public Model {
            provider = provider == null || provider.isBlank() ? EXTRACTIVE : provider.strip();
            url = url == null || url.isBlank() ? null : url.strip();
            apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey;
            if (!EXTRACTIVE.equals(provider) && !OPENAI.equals(provider)) {
                throw new IllegalArgumentException("runtime.agent.model.provider must be extractive or openai, not "
                        + provider);
            }
            if (OPENAI.equals(provider) && url == null) {
                throw new IllegalArgumentException("runtime.agent.model.url is required for the openai provider");
            }
            if (timeout.isNegative() || timeout.isZero() || maxTokens < 1 || maxClaims < 1) {
                throw new IllegalArgumentException("runtime.agent.model needs a positive timeout, max-tokens and "
                        + "max-claims");
            }
        }
    }
}
