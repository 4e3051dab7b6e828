package io.symphainy.runtime.core.agent;

import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The validation step: checks the reasoning step's citations against the gathered facts, enforcing the check when
 * the policy's {@code validate_citations} obligation (or the agent) requires it, and registers the answer as a data
 * reference ({@value #ANSWER}) whose sources are the data references its citations point at.
 */
final class ValidationAction implements Step {

    /** Reference key and data-reference kind of an agent's answer. */
    static final String ANSWER = "agent.answer";

    private final AgentDefinition agent;
    private final List<String> gatheringSteps;

    ValidationAction(AgentDefinition agent, List<String> gatheringSteps) {
        this.agent = agent;
        this.gatheringSteps = gatheringSteps;
    }

    @Override
    public StepResult run(StepContext context) {
        Map<String, Object> reasoned = context.outputs().getOrDefault(AgentCompiler.REASON,
                new StepOutputs(Map.of(), Map.of())).facts();
        List<Claim> claims = reasoned.get("claims") instanceof List<?> list ? list.stream()
                .filter(Map.class::isInstance).map(entry -> Claim.fromMap((Map<?, ?>) entry)).toList() : List.of();
        Map<String, Fact> facts = AgentFacts.gathered(context.outputs(), gatheringSteps).stream()
                .collect(Collectors.toMap(Fact::id, Function.identity(), (first, later) -> first, LinkedHashMap::new));
        boolean required = required(agent, context.policyDecision());
        CitationCheck check = CitationCheck.of(claims, facts.keySet());
        if (required && !check.passed()) {
            return StepResult.permanentFailure(check.failureCode(), check.failureMessage());
        }
        Set<String> sources = new LinkedHashSet<>();
        List<Map<String, Object>> citations = claims.stream().flatMap(claim -> claim.citations().stream())
                .distinct().filter(facts::containsKey).map(id -> {
                    Fact fact = facts.get(id);
                    if (fact.source().namesDataReference()) {
                        sources.add(fact.source().ref());
                    }
                    Map<String, Object> citation = new LinkedHashMap<>(fact.toMap());
                    citation.put("fact_id", citation.remove("id"));
                    return citation;
                }).toList();
        String answer = String.valueOf(reasoned.getOrDefault("answer", ""));
        String refId = UUID.nameUUIDFromBytes((context.executionId().value() + "/" + context.stepName() + "/"
                + ANSWER).getBytes(StandardCharsets.UTF_8)).toString();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("answer", answer);
        out.put("claims", claims.stream().map(Claim::toMap).toList());
        out.put("citations", citations);
        out.put("validation", check.toMap(required));
        Object model = reasoned.get("model") instanceof Map<?, ?> recorded ? recorded.get("name") : null;
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("question", String.valueOf(reasoned.getOrDefault("question", "")));
        attributes.put("answer", answer);
        attributes.put("citation_count", citations.size());
        attributes.put("validated", required);
        return DataReferences.success(Map.of(ANSWER, refId), out, List.of(new DataReferenceDescriptor(refId,
                ANSWER, List.copyOf(sources), null, Map.of("model", String.valueOf(model), "agent", agent.name()),
                attributes)));
    }

    /** Whether the check is enforced for an execution accepted with the given decision. */
    static boolean required(AgentDefinition agent, PolicyDecision decision) {
        return agent.validation() == AgentDefinition.Validation.ALWAYS
                || decision != null && decision.obligations().contains(PolicyDecision.VALIDATE_CITATIONS);
    }
}
