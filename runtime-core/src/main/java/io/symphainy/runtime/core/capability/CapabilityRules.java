package io.symphainy.runtime.core.capability;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules a capability definition must satisfy before the Curator registers it.
 */
final class CapabilityRules {

    private CapabilityRules() {
    }

    /** Refuses a definition that breaks a rule, with a message naming the capability and the rule. */
    static void check(CapabilityDefinition definition) {
        String name = definition.name();
        require(!name.isBlank(), "a capability has a blank name");
        require(!definition.realm().isBlank(), "capability '" + name + "' names no realm");
        require(CapabilityVersions.isValid(definition.version()), "capability '" + name + "' has version '"
                + definition.version() + "'; a version is one to four dot-separated numbers such as 1, 1.1 or 2.0.3");
        require(!definition.intentTypes().isEmpty(), "capability '" + name + "' handles no intent type");
        require(!definition.steps().isEmpty(), "capability '" + name + "' has no steps");
        for (String intentType : definition.intentTypes()) {
            require(intentType.startsWith(definition.realm() + ".") && intentType.length() > definition.realm().length() + 1,
                    "intent type '" + intentType + "' of capability '" + name + "' must read '"
                            + definition.realm() + ".<action>'");
        }
        Set<String> stepNames = new HashSet<>();
        for (StepDefinition step : definition.steps()) {
            require(!step.name().isBlank(), "capability '" + name + "' has a step with a blank name");
            require(stepNames.add(step.name()), "capability '" + name + "' has two steps named '" + step.name() + "'");
            require(step.timeout() == null || !step.timeout().isNegative() && !step.timeout().isZero(),
                    "step '" + step.name() + "' of capability '" + name + "' has a timeout that is not positive");
        }
        checkRisk(definition);
    }

    /**
     * Refuses a risk level that understates what the steps can do; policies match on the level, so it must be
     * honest. An undeclared level counts as HIGH.
     */
    static void checkRisk(CapabilityDefinition definition) {
        String name = definition.name();
        RiskLevel risk = definition.effectiveRiskLevel();
        List<StepDefinition> steps = definition.steps();
        boolean nonRepeatable = steps.stream().anyMatch(step -> step.sideEffect() == SideEffectClass.NON_REPEATABLE);
        require(!(nonRepeatable && risk == RiskLevel.LOW), "capability '" + name
                + "' has a NON_REPEATABLE step and cannot be rated LOW");
        require(definition.deterministic() || risk != RiskLevel.LOW, "capability '" + name
                + "' is not deterministic and cannot be rated LOW");
        for (int index = 0; index < steps.size(); index++) {
            StepDefinition step = steps.get(index);
            require(!irreversible(step, index == steps.size() - 1) || risk.compareTo(RiskLevel.HIGH) >= 0,
                    "step '" + step.name() + "' of capability '" + name + "' cannot be undone when a later step"
                            + " fails, so the capability must be rated HIGH or CRITICAL, not " + risk);
        }
    }

    /** A step whose effect stays when a later step fails: non-repeatable before the end, or uncompensated. */
    private static boolean irreversible(StepDefinition step, boolean last) {
        return switch (step.sideEffect()) {
            case NON_REPEATABLE -> !last;
            case COMPENSATABLE -> !step.compensable();
            default -> false;
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CapabilityRegistrationException(message);
        }
    }
}
