package io.symphainy.runtime.core.capability.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A capability a realm offers: declare one as a Spring bean and the Curator registers it at start-up.
 *
 * @param name              unique name of the capability
 * @param realm             the realm that owns it; intent types should start with {@code realm + "."}
 * @param intentTypes       the intent types it satisfies
 * @param inputSchema       JSON Schema (draft 2020-12) the intent payload must satisfy
 * @param outputDescription what the execution's result references mean, for people reading the registry
 * @param riskLevel         how much harm it can do; {@code null} counts as {@link RiskLevel#HIGH}
 * @param deterministic     whether the same input always yields the same output
 * @param steps             the ordered steps of its saga
 * @param retryPolicy       how failed steps are tried again
 */
public record CapabilityDefinition(
        String name,
        String realm,
        Set<String> intentTypes,
        String inputSchema,
        String outputDescription,
        RiskLevel riskLevel,
        boolean deterministic,
        List<StepDefinition> steps,
        RetryPolicy retryPolicy) {

    public CapabilityDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        intentTypes = Set.copyOf(intentTypes);
        steps = List.copyOf(steps);
    }

    /** The risk level policies see: the declared one, or HIGH when none was declared. */
    public RiskLevel effectiveRiskLevel() {
        return riskLevel == null ? RiskLevel.HIGH : riskLevel;
    }
}
