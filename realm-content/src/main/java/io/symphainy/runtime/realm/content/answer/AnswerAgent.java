package io.symphainy.runtime.realm.content.answer;

import io.symphainy.runtime.core.agent.spi.AgentContext;
import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.FactSource;
import io.symphainy.runtime.core.agent.spi.GatheringStep;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.realm.content.ContentCapabilities;
import io.symphainy.runtime.realm.content.ContentFailureCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code content.answer}: a question over the session's uploaded documents. The runtime calls {@code content.search}
 * as a tool over the session's embedded chunks; every hit becomes a fact (id from its chunk set and index, source
 * the chunk set's data reference); the model answers citing them and the runtime validates the citations.
 */
@Configuration(proxyBeanMethods = false)
public class AnswerAgent {

    /** The agent's name and intent type. */
    public static final String NAME = "content.answer";
    private static final int DEFAULT_TOP_K = 5;
    private static final String SCHEMA = """
            {
              "type": "object",
              "required": ["question"],
              "properties": {
                "question": {"type": "string", "minLength": 1, "maxLength": 2000},
                "top_k": {"type": "integer", "minimum": 1, "maximum": 20}
              },
              "additionalProperties": false
            }""";

    @Bean
    AgentDefinition contentAnswer() {
        return new AgentDefinition(NAME, ContentCapabilities.REALM, Set.of(NAME), SCHEMA,
                "reference agent.answer names the answer; the validate step's facts hold the answer, its claims and "
                        + "citations (fact id, chunk set, chunk index, document reference, text)",
                RiskLevel.MEDIUM, "question",
                List.of(GatheringStep.tool("search", "content.search", AnswerAgent::searchInput,
                        AnswerAgent::hitsAsFacts)),
                AgentDefinition.ModelFailures.DEFAULT, AgentDefinition.Validation.BY_POLICY,
                RetryPolicy.exponential(3, Duration.ofMillis(500), 2.0, Duration.ofSeconds(5))
                        .neverRetrying(ContentFailureCodes.ALL.toArray(String[]::new)));
    }

    /** Search the chunks of the agent's own session, hydrated, for the question. */
    static Map<String, Object> searchInput(AgentContext context) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("query", context.question());
        input.put("session_id", context.sessionId().value().toString());
        input.put("top_k", context.payload().get("top_k") instanceof Number n ? n.intValue() : DEFAULT_TOP_K);
        input.put("hydrate", true);
        return input;
    }

    /** One fact per search hit, in rank order. */
    static List<Fact> hitsAsFacts(AgentContext context) {
        List<Fact> facts = new ArrayList<>();
        if (!(context.toolOutput().get("results") instanceof List<?> results)) {
            return facts;
        }
        for (Object entry : results) {
            if (entry instanceof Map<?, ?> hit && hit.get("chunk_set_ref") != null) {
                String chunkSet = String.valueOf(hit.get("chunk_set_ref"));
                String index = String.valueOf(hit.get("chunk_index"));
                Object text = hit.get("text") != null ? hit.get("text") : hit.get("snippet");
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("document_ref", String.valueOf(hit.get("document_ref")));
                if (hit.get("score") != null) {
                    attributes.put("score", hit.get("score"));
                }
                facts.add(new Fact(Fact.idFor(chunkSet + "#" + index), String.valueOf(text),
                        new FactSource(FactSource.SEARCH_HIT, chunkSet, index, attributes)));
            }
        }
        return facts;
    }
}
