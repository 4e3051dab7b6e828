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
 * @param version           the version of the capability, dotted numbers ({@link CapabilityVersions}); several
 *                          versions of one capability may be registered side by side, and an execution always runs
 *                          the version it was accepted with
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
        RetryPolicy retryPolicy,
        String version) {

    public CapabilityDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(inputSchema, "inputSchema");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        intentTypes = Set.copyOf(intentTypes);
        steps = List.copyOf(steps);
        version = CapabilityVersions.orDefault(version);
    }

    /** A capability of the {@linkplain CapabilityVersions#DEFAULT default version}. */
    public CapabilityDefinition(String name, String realm, Set<String> intentTypes, String inputSchema,
                                String outputDescription, RiskLevel riskLevel, boolean deterministic,
                                List<StepDefinition> steps, RetryPolicy retryPolicy) {
        this(name, realm, intentTypes, inputSchema, outputDescription, riskLevel, deterministic, steps, retryPolicy,
                CapabilityVersions.DEFAULT);
    }

    /** The same capability declared as another version, with other steps. */
    public CapabilityDefinition withVersion(String otherVersion, List<StepDefinition> otherSteps) {
        return new CapabilityDefinition(name, realm, intentTypes, inputSchema, outputDescription, riskLevel,
                deterministic, otherSteps, retryPolicy, otherVersion);
    }

    /** The risk level policies see: the declared one, or HIGH when none was declared. */
    public RiskLevel effectiveRiskLevel() {
        return riskLevel == null ? RiskLevel.HIGH : riskLevel;
    }
}
