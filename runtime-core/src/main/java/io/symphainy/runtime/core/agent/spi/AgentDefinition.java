package io.symphainy.runtime.core.agent.spi;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An agent a realm offers: declare one as a Spring bean, like a capability, and the runtime registers it as a
 * capability whose saga runs its phases as steps: the gathering steps, {@code reason} (the model turns the facts into
 * an answer citing fact ids) and {@code validate} (every citation must resolve to a gathered fact when the policy's
 * {@code validate_citations} obligation or {@link Validation#ALWAYS} asks for it).
 *
 * @param questionField the payload field holding the question
 * @param modelFailures which model failures another attempt may cure
 */
public record AgentDefinition(
        String name,
        String realm,
        Set<String> intentTypes,
        String inputSchema,
        String outputDescription,
        RiskLevel riskLevel,
        String questionField,
        List<GatheringStep> gathering,
        ModelFailures modelFailures,
        Validation validation,
        RetryPolicy retryPolicy) {

    /** When the validation step enforces the citation check. */
    public enum Validation {
        /** When the policy decision that accepted the intent carries the {@code validate_citations} obligation. */
        BY_POLICY,
        /** Always. */
        ALWAYS
    }

    /**
     * Which failures of the reasoning step are retried.
     *
     * @param timeoutRetryable     a model that did not answer in time ({@code AGENT_MODEL_TIMEOUT})
     * @param unavailableRetryable a model that could not be reached ({@code AGENT_MODEL_UNAVAILABLE})
     * @param uncitedRetryable     an answer that cites nothing ({@code AGENT_ANSWER_UNCITED})
     */
    public record ModelFailures(boolean timeoutRetryable, boolean unavailableRetryable, boolean uncitedRetryable) {

        /** Timeouts and unreachable models are retried; an uncited answer fails for good. */
        public static final ModelFailures DEFAULT = new ModelFailures(true, true, false);
    }

    public AgentDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(questionField, "questionField");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        intentTypes = Set.copyOf(intentTypes);
        gathering = List.copyOf(gathering);
        modelFailures = modelFailures == null ? ModelFailures.DEFAULT : modelFailures;
        validation = validation == null ? Validation.BY_POLICY : validation;
        if (gathering.isEmpty()) {
            throw new IllegalArgumentException("agent " + name + " gathers no facts");
        }
    }
}
