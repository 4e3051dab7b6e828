package io.symphainy.runtime.core.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.TestData;
import io.symphainy.runtime.core.agent.model.ExtractiveModel;
import io.symphainy.runtime.core.agent.model.FakeOpenAiServer;
import io.symphainy.runtime.core.agent.model.OpenAiCompatibleModel;
import io.symphainy.runtime.core.agent.spi.AgentDefinition;
import io.symphainy.runtime.core.agent.spi.Fact;
import io.symphainy.runtime.core.agent.spi.FactSource;
import io.symphainy.runtime.core.agent.spi.GatheringStep;
import io.symphainy.runtime.core.agent.spi.ReasoningModel;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RecordedInputStep;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An agent's three phases as the runtime runs them, step after step with each step's recorded outputs: gathering
 * records facts with stable ids, reasoning records prompt, model, raw output and cited claims (or fails with a code),
 * validation enforces the citation rule when the policy's obligation asks for it, and a replay never calls the model.
 */
class AgentPhasesTest {

    private static final String QUESTION = "How hot is the oven?";
    private static final List<String> NOTES = List.of("The oven heats to 220 degrees.", "Bread bakes for 40 minutes.");
    private static final PolicyDecision ALLOWED = new PolicyDecision(Decision.ALLOW, "allow", 1, Set.of("submitter"),
            null);
    private static final PolicyDecision VALIDATING = ALLOWED.withObligations(Set.of(PolicyDecision.VALIDATE_CITATIONS));
    private static final AgentProperties PROPERTIES = new AgentProperties(200, 5, 2000,
            new AgentProperties.Model(null, null, "none", null, Duration.ofSeconds(5), 0, 100, 3));

    private final AtomicInteger modelCalls = new AtomicInteger();
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
    void compilesIntoGatheringReasoningAndValidationSteps() {
        CapabilityDefinition capability = compile(new ExtractiveModel(3));

        assertThat(capability.steps()).extracting(step -> step.name() + ":" + step.sideEffect())
                .containsExactly("notes:PURE", "reason:IDEMPOTENT", "validate:PURE");
        assertThat(capability.steps().get(1).action()).isInstanceOf(RecordedInputStep.class);
        assertThat(capability.deterministic()).isFalse();
        assertThat(capability.retryPolicy().nonRetryableCodes()).contains("CITATION_UNRESOLVED", "AGENT_NO_FACTS");
    }

    @Test
    void theExtractiveModelAnswersCitingTheGatheredFactAndValidationPasses() {
        Map<String, StepOutputs> outputs = run(compile(new ExtractiveModel(3)), Map.of("question", QUESTION,
                "notes", NOTES), VALIDATING, 3);

        List<?> gathered = (List<?>) outputs.get("notes").facts().get("gathered_facts");
        assertThat(gathered).hasSize(2);
        String ovenId = Fact.idFor("notes#0");
        assertThat(outputs.get("reason").facts()).containsEntry("raw_output", "The oven heats to 220 degrees. ["
                + ovenId + "]").containsEntry("citations", List.of(ovenId));
        assertThat(outputs.get("validate").facts().get("validation"))
                .isEqualTo(Map.of("required", true, "passed", true, "unresolved_citations", List.of(),
                        "uncited_claims", List.of()));
        assertThat(outputs.get("validate").references()).containsKey("agent.answer");
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void aCitationOfAFactNeverGatheredFailsValidationWhenThePolicyRequiresIt() {
        server.answering("The oven heats to 220 degrees [F-invented].");
        CapabilityDefinition capability = compile(new OpenAiCompatibleModel(server.settings(Duration.ofSeconds(5))));
        Map<String, Object> payload = Map.of("question", QUESTION, "notes", NOTES);

        StepResult enforced = last(capability, payload, VALIDATING);
        StepResult advisory = last(capability, payload, ALLOWED);

        assertThat(enforced).isEqualTo(StepResult.permanentFailure("CITATION_UNRESOLVED",
                "citations name no gathered fact: [F-invented]"));
        assertThat(((StepResult.Succeeded) advisory).facts().get("validation")).isEqualTo(Map.of("required", false,
                "passed", false, "unresolved_citations", List.of("F-invented"), "uncited_claims", List.of()));
        assertThat(server.requests()).isEqualTo(2);
    }

    @Test
    void aClaimWithoutCitationFailsValidationAndAnAnswerCitingNothingFailsTheReasoning() {
        String cited = "[" + Fact.idFor("notes#0") + "]";
        server.answering("The oven heats to 220 degrees " + cited + ". It is a fine oven.");
        CapabilityDefinition capability = compile(new OpenAiCompatibleModel(server.settings(Duration.ofSeconds(5))));
        Map<String, Object> payload = Map.of("question", QUESTION, "notes", NOTES);

        assertThat(((StepResult.Failed) last(capability, payload, VALIDATING)).code()).isEqualTo("CLAIM_UNCITED");
        server.answering("It is hot.");
        assertThat(last(capability, payload, VALIDATING)).isEqualTo(StepResult.permanentFailure(
                "AGENT_ANSWER_UNCITED", "the model's answer cites no fact"));
    }

    @Test
    void aSlowModelFailsTheReasoningRetryablyWithinItsTimeout() {
        server.answering("late").slowBy(Duration.ofSeconds(3));
        CapabilityDefinition capability = compile(new OpenAiCompatibleModel(server.settings(Duration.ofMillis(300))));

        StepResult result = last(capability, Map.of("question", QUESTION, "notes", NOTES), ALLOWED);

        assertThat(result).isInstanceOf(StepResult.Failed.class);
        assertThat(((StepResult.Failed) result).code()).isEqualTo("AGENT_MODEL_TIMEOUT");
        assertThat(((StepResult.Failed) result).retryable()).isTrue();
        assertThat(modelCalls).hasValue(1);
    }

    @Test
    void boundsRefuseTooManyFactsAndAnOverlongQuestion() {
        CapabilityDefinition capability = compile(new ExtractiveModel(3));
        List<String> many = List.of("1.", "2.", "3.", "4.", "5.", "6.");

        StepResult tooMany = run(capability, 0, Map.of("question", QUESTION, "notes", many), Map.of(), ALLOWED);
        StepResult overlong = run(capability, 0, Map.of("question", "?".repeat(201), "notes", NOTES), Map.of(),
                ALLOWED);

        assertThat(((StepResult.Failed) tooMany).code()).isEqualTo("AGENT_FACTS_TOO_LARGE");
        assertThat(((StepResult.Failed) overlong).code()).isEqualTo("AGENT_QUESTION_INVALID");
    }

    @Test
    void replayingTheReasoningUsesTheRecordedOutputAndNeverCallsTheModel() throws Exception {
        server.answering("The oven heats to 220 degrees [" + Fact.idFor("notes#0") + "].");
        CapabilityDefinition capability = compile(new OpenAiCompatibleModel(server.settings(Duration.ofSeconds(5))));
        Map<String, Object> payload = Map.of("question", QUESTION, "notes", NOTES);
        Map<String, StepOutputs> recorded = run(capability, payload, ALLOWED, 2);
        server.answering("Something else entirely [F-x].");

        RecordedInputStep reasoning = (RecordedInputStep) capability.steps().get(1).action();
        StepResult replayed = reasoning.replay(context(1, payload, Map.of("notes", recorded.get("notes")), ALLOWED),
                recorded.get("reason"));

        assertThat(((StepResult.Succeeded) replayed).facts()).isEqualTo(recorded.get("reason").facts());
        assertThat(server.requests()).isEqualTo(1);
        assertThat(modelCalls).hasValue(1);
    }

    private CapabilityDefinition compile(ReasoningModel model) {
        AgentDefinition agent = new AgentDefinition("notes.answer", "notes", Set.of("notes.answer"), "{}", "answer",
                RiskLevel.MEDIUM, "question", List.of(GatheringStep.of("notes", AgentPhasesTest::notes)), null, null,
                RetryPolicy.none());
        return AgentCompiler.compile(agent, model, null, PROPERTIES, (tenant, capability, name, outcome) ->
                modelCalls.incrementAndGet());
    }

    private static List<Fact> notes(io.symphainy.runtime.core.agent.spi.AgentContext context) {
        List<Fact> facts = new ArrayList<>();
        List<?> notes = (List<?>) context.payload().get("notes");
        for (int i = 0; i < notes.size(); i++) {
            facts.add(new Fact(Fact.idFor("notes#" + i), String.valueOf(notes.get(i)),
                    new FactSource(FactSource.STEP_OUTPUT, "notes", String.valueOf(i), Map.of())));
        }
        return facts;
    }

    /** Runs the first {@code steps} steps, each on the outputs of the ones before, as the worker would. */
    private static Map<String, StepOutputs> run(CapabilityDefinition capability, Map<String, Object> payload,
                                                PolicyDecision decision, int steps) {
        Map<String, StepOutputs> outputs = new LinkedHashMap<>();
        for (int index = 0; index < steps; index++) {
            StepResult result = run(capability, index, payload, outputs, decision);
            assertThat(result).as("step %d", index).isInstanceOf(StepResult.Succeeded.class);
            StepResult.Succeeded done = (StepResult.Succeeded) result;
            outputs.put(capability.steps().get(index).name(), new StepOutputs(done.references(), done.facts()));
        }
        return outputs;
    }

    private static StepResult last(CapabilityDefinition capability, Map<String, Object> payload,
                                   PolicyDecision decision) {
        Map<String, StepOutputs> outputs = run(capability, payload, decision, 0);
        for (int index = 0; index < capability.steps().size(); index++) {
            StepResult result = run(capability, index, payload, outputs, decision);
            if (!(result instanceof StepResult.Succeeded done)) {
                return result;
            }
            outputs.put(capability.steps().get(index).name(), new StepOutputs(done.references(), done.facts()));
            if (index == capability.steps().size() - 1) {
                return result;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static StepResult run(CapabilityDefinition capability, int index, Map<String, Object> payload,
                                  Map<String, StepOutputs> outputs, PolicyDecision decision) {
        try {
            return capability.steps().get(index).action().run(context(index, payload, outputs, decision));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static StepContext context(int index, Map<String, Object> payload, Map<String, StepOutputs> outputs,
                                       PolicyDecision decision) {
        String name = List.of("notes", "reason", "validate").get(index);
        return new StepContext(TestData.TENANT, TestData.SESSION_ID, TestData.EXECUTION_ID, "notes.answer",
                "notes.answer", name, index, 1, StepPhase.FORWARD, payload, Map.of(), outputs, TestData.USER,
                decision);
    }
}
