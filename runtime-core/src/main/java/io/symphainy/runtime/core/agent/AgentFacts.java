package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facts and the question of an agent execution as recorded: gathering steps record their facts under
 * {@link #GATHERED}; the bounds of {@link AgentProperties} are checked here.
 */
final class AgentFacts {

    /** The step fact under which a gathering step records the facts it gathered. */
    static final String GATHERED = "gathered_facts";

    private AgentFacts() {
    }

    /** The facts the named gathering steps recorded, in step order, each id once (the first wins). */
    static List<Fact> gathered(Map<String, StepOutputs> outputs, List<String> gatheringSteps) {
        Map<String, Fact> facts = new LinkedHashMap<>();
        for (String step : gatheringSteps) {
            StepOutputs recorded = outputs.get(step);
            if (recorded != null && recorded.facts().get(GATHERED) instanceof List<?> list) {
                list.stream().filter(Map.class::isInstance).map(entry -> Fact.fromMap((Map<?, ?>) entry))
                        .forEach(fact -> facts.putIfAbsent(fact.id(), fact));
            }
        }
        return new ArrayList<>(facts.values());
    }

    /** The question in the payload field, checked against the bounds. */
    static String question(StepContext context, String field, AgentProperties properties) throws AgentFailure {
        if (!(context.payload().get(field) instanceof String question) || question.isBlank()) {
            throw new AgentFailure(AgentFailureCodes.AGENT_QUESTION_INVALID, "the payload has no question in '"
                    + field + "'", false);
        }
        if (question.length() > properties.maxQuestionChars()) {
            throw new AgentFailure(AgentFailureCodes.AGENT_QUESTION_INVALID, "the question has " + question.length()
                    + " characters, more than runtime.agent.max-question-chars (" + properties.maxQuestionChars()
                    + ")", false);
        }
        return question;
    }

    /** Refuses more facts, or more fact text, than the bounds allow. */
    static void checkBounds(List<Fact> facts, AgentProperties properties) throws AgentFailure {
        if (facts.size() > properties.maxFacts()) {
            throw new AgentFailure(AgentFailureCodes.AGENT_FACTS_TOO_LARGE, facts.size() + " facts, more than "
                    + "runtime.agent.max-facts (" + properties.maxFacts() + ")", false);
        }
        long chars = facts.stream().mapToLong(fact -> fact.text().length()).sum();
        if (chars > properties.maxFactChars()) {
            throw new AgentFailure(AgentFailureCodes.AGENT_FACTS_TOO_LARGE, chars + " characters of facts, more "
                    + "than runtime.agent.max-fact-chars (" + properties.maxFactChars() + ")", false);
        }
    }
}
