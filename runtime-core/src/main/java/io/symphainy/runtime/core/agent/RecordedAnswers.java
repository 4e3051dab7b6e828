package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.GatheringStep;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Judges a recorded agent answer by a policy decision of today: whether the citation check would be required and
 * whether the recorded claims and facts pass it. Reads only what the saga recorded; calls no model.
 */
@Component
public class RecordedAnswers {

    private final Map<String, AgentDefinition> agents;

    RecordedAnswers(List<AgentDefinition> agents) {
        this.agents = agents.stream().collect(Collectors.toMap(AgentDefinition::name, agent -> agent));
    }

    /**
     * Today's verdict on a recorded answer.
     *
     * @param capability the execution's capability
     * @param sagaEvents the payloads of its saga's events
     * @param today      what the tenant's policy decides today
     * @return empty unless the capability is an agent whose reasoning step recorded an answer
     */
    public Optional<Verdict> judge(String capability, List<?> sagaEvents, PolicyDecision today) {
        AgentDefinition agent = agents.get(capability);
        if (agent == null) {
            return Optional.empty();
        }
        Map<String, StepOutputs> outputs = new LinkedHashMap<>();
        sagaEvents.stream().filter(StepSucceededEvent.class::isInstance).map(StepSucceededEvent.class::cast)
                .forEach(done -> outputs.put(done.stepName(), new StepOutputs(done.references(), done.facts())));
        StepOutputs reasoned = outputs.get(AgentCompiler.REASON);
        if (reasoned == null || !(reasoned.facts().get("claims") instanceof List<?> recorded)) {
            return Optional.empty();
        }
        List<Claim> claims = recorded.stream().filter(Map.class::isInstance)
                .map(entry -> Claim.fromMap((Map<?, ?>) entry)).toList();
        List<String> gathering = agent.gathering().stream().map(GatheringStep::name).toList();
        CitationCheck check = CitationCheck.of(claims, AgentFacts.gathered(outputs, gathering).stream()
                .map(Fact::id).collect(Collectors.toSet()));
        return Optional.of(new Verdict(ValidationAction.required(agent, today), check.passed(),
                check.passed() ? null : check.failureCode(), check.unresolved(), check.uncitedClaims()));
    }

    /**
     * Whether today's rule requires the citation check and whether the recorded answer passes it.
     *
     * @param failureCode the code a required check would fail with; null when it passes
     */
    public record Verdict(boolean required, boolean passes, String failureCode, List<String> unresolved,
                          List<Integer> uncitedClaims) {

        /** One line for the replay's reasons. */
        public String describe() {
            String rule = required ? "citation validation is required today" : "citation validation is not "
                    + "required today";
            return rule + "; the recorded answer " + (passes ? "passes it" : "fails it (" + failureCode
                    + ": unresolved " + unresolved + ", uncited claims " + uncitedClaims + ")");
        }

        /** Whether today's rule would let the recorded answer through. */
        public boolean wouldPass() {
            return passes || !required;
        }
    }
}
