package io.symphainy.runtime.core.agent.model;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.symphainy.runtime.core.agent.AgentProperties;
import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A reasoning model behind an OpenAI-compatible chat endpoint (OpenAI, a local Ollama or vLLM), called through
 * langchain4j's {@link OpenAiChatModel}: one system and one user message, no retries of its own (the saga retries),
 * cut off at {@code runtime.agent.model.timeout}.
 */
public final class OpenAiCompatibleModel implements ReasoningModel {

    private final ChatModel chat;
    private final String name;
    private final Map<String, Object> parameters;

    public OpenAiCompatibleModel(AgentProperties.Model settings) {
        this.chat = OpenAiChatModel.builder()
                .baseUrl(settings.url())
                .apiKey(settings.apiKey() == null ? "none" : settings.apiKey())
                .modelName(settings.name())
                .temperature(settings.temperature())
                .maxTokens(settings.maxTokens())
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
        this.name = AgentProperties.OPENAI + ":" + settings.name();
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("url", settings.url());
        recorded.put("temperature", settings.temperature());
        recorded.put("max_tokens", settings.maxTokens());
        recorded.put("timeout_ms", settings.timeout().toMillis());
        this.parameters = Map.copyOf(recorded);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Map<String, Object> parameters() {
        return parameters;
    }

    @Override
    public String complete(ModelPrompt prompt) throws AgentFailure {
        try {
            ChatResponse response = chat.chat(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()));
            String text = response.aiMessage() == null ? null : response.aiMessage().text();
            return text == null ? "" : text;
        } catch (RuntimeException failed) {
            if (timedOut(failed)) {
                throw new AgentFailure(AgentFailureCodes.AGENT_MODEL_TIMEOUT, "the model did not answer in time",
                        true, failed);
            }
            String reason = failed instanceof LangChain4jException ? failed.getMessage()
                    : failed.getClass().getSimpleName() + ": " + failed.getMessage();
            throw new AgentFailure(AgentFailureCodes.AGENT_MODEL_UNAVAILABLE, "the model refused or could not be "
                    + "reached: " + reason, true, failed);
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException
                    || cause instanceof InterruptedIOException || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }
}
