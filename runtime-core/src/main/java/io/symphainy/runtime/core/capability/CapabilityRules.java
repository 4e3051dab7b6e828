package io.symphainy.runtime.core.capability;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import java.util.HashSet;
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
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new CapabilityRegistrationException(message);
        }
    }
}
