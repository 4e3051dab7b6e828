package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.AgentFailure;
import io.symphainy.runtime.core.agent.spi.AgentFailureCodes;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.ModelPrompt;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import io.symphainy.runtime.core.capability.spi.RecordedInputStep;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reasoning step: the gathered facts and the question become prompts, the model answers, and the answer is read
 * into claims citing fact ids. It records the prompts, the model's name and parameters, its raw output and the
 * claims; a replay runs it on the recorded raw output and never calls the model.
 */
final class ReasoningAction implements RecordedInputStep {

    private final AgentDefinition agent;
    private final List<String> gatheringSteps;
    private final ReasoningModel model;
    private final AgentProperties properties;
    private final ModelCalls calls;

    /** Hears of every call of the model, with its outcome ({@code answered} or the failure code). */
    @FunctionalInterface
    interface ModelCalls {
        void called(String tenant, String capability, String model, String outcome);
    }

    ReasoningAction(AgentDefinition agent, List<String> gatheringSteps, ReasoningModel model,
                    AgentProperties properties, ModelCalls calls) {
        this.agent = agent;
        this.gatheringSteps = gatheringSteps;
        this.model = model;
        this.properties = properties;
        this.calls = calls;
    }

    @Override
    public StepResult run(StepContext context) {
        return reason(context, model.name(), model.parameters(), prompt -> {
            String outcome = "answered";
            try {
                return model.complete(prompt);
            } catch (AgentFailure failure) {
                outcome = failure.code();
                throw failure;
            } finally {
                calls.called(context.tenantId().value(), agent.name(), model.name(), outcome);
            }
        });
    }

    @Override
    public StepResult replay(StepContext context, StepOutputs recorded) {
        Map<String, Object> facts = recorded.facts();
        Map<?, ?> modelRecord = facts.get("model") instanceof Map<?, ?> map ? map : Map.of();
        @SuppressWarnings("unchecked")
        Map<String, Object> parameters = modelRecord.get("parameters") instanceof Map<?, ?> map
                ? (Map<String, Object>) map : Map.of();
        String raw = String.valueOf(facts.getOrDefault("raw_output", ""));
        return reason(context, String.valueOf(modelRecord.get("name")), parameters, prompt -> raw);
    }

    /** Today's answer beside the recorded one: whether the text changed, which citations came and went. */
    @Override
    public Map<String, Object> difference(StepOutputs recorded, StepOutputs recomputed) {
        List<String> then = citations(recorded);
        List<String> now = citations(recomputed);
        Map<String, Object> difference = new LinkedHashMap<>();
        difference.put("answer_changed", !String.valueOf(recorded.facts().get("answer"))
                .equals(String.valueOf(recomputed.facts().get("answer"))));
        difference.put("recorded_answer", recorded.facts().get("answer"));
        difference.put("current_answer", recomputed.facts().get("answer"));
        difference.put("citations_added", now.stream().filter(id -> !then.contains(id)).toList());
        difference.put("citations_removed", then.stream().filter(id -> !now.contains(id)).toList());
        difference.put("recorded_model", recorded.facts().get("model") instanceof Map<?, ?> m ? m.get("name") : null);
        difference.put("current_model", model.name());
        return difference;
    }

    private static List<String> citations(StepOutputs outputs) {
        return outputs.facts().get("citations") instanceof List<?> ids ? ids.stream().map(String::valueOf).toList()
                : List.of();
    }

    @FunctionalInterface
    private interface Completion {
        String complete(ModelPrompt prompt) throws AgentFailure;
    }

    private StepResult reason(StepContext context, String modelName, Map<String, Object> parameters,
                              Completion completion) {
        try {
            String question = AgentFacts.question(context, agent.questionField(), properties);
            List<Fact> facts = AgentFacts.gathered(context.outputs(), gatheringSteps);
            if (facts.isEmpty()) {
                throw new AgentFailure(AgentFailureCodes.AGENT_NO_FACTS, "gathering found no fact to reason over",
                        false);
            }
            AgentFacts.checkBounds(facts, properties);
            ModelPrompt prompt = Prompts.of(question, facts);
            String raw = completion.complete(prompt);
            List<Claim> claims = AnswerParser.parse(raw);
            Set<String> cited = new LinkedHashSet<>();
            claims.forEach(claim -> cited.addAll(claim.citations()));
            if (cited.isEmpty()) {
                throw new AgentFailure(AgentFailureCodes.AGENT_ANSWER_UNCITED, "the model's answer cites no fact",
                        agent.modelFailures().uncitedRetryable());
            }
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("question", question);
            recorded.put("model", Map.of("name", modelName, "parameters", parameters));
            recorded.put("prompt", Map.of("system", prompt.system(), "user", prompt.user()));
            recorded.put("raw_output", raw);
            recorded.put("answer", AnswerParser.answerText(claims));
            recorded.put("claims", claims.stream().map(Claim::toMap).toList());
            recorded.put("citations", List.copyOf(cited));
            return StepResult.success(Map.of(), recorded);
        } catch (AgentFailure failure) {
            return new StepResult.Failed(failure.code(), failure.getMessage(), retryable(failure));
        }
    }

    private boolean retryable(AgentFailure failure) {
        return switch (failure.code()) {
            case AgentFailureCodes.AGENT_MODEL_TIMEOUT -> agent.modelFailures().timeoutRetryable();
            case AgentFailureCodes.AGENT_MODEL_UNAVAILABLE -> agent.modelFailures().unavailableRetryable();
            default -> failure.retryable();
        };
    }
}
