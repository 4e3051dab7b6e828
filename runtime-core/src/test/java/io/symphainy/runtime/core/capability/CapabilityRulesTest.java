package io.symphainy.runtime.core.capability;

import static io.symphainy.runtime.core.TestData.INPUT_SCHEMA;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.step;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CapabilityRulesTest {

    private static final StepDefinition PURE = step("compute", SideEffectClass.PURE);
    private static final StepDefinition IDEMPOTENT = step("store", SideEffectClass.IDEMPOTENT);
    private static final StepDefinition COMPENSATED = step("reserve", SideEffectClass.COMPENSATABLE)
            .compensatedBy(context -> StepResult.success());
    private static final StepDefinition UNCOMPENSATED = step("reserve", SideEffectClass.COMPENSATABLE);
    private static final StepDefinition NON_REPEATABLE = step("pay", SideEffectClass.NON_REPEATABLE);

    @Test
    void acceptsALowRiskDeterministicCapabilityOfPureAndIdempotentSteps() {
        assertThatCode(() -> CapabilityRules.check(capability(RiskLevel.LOW, true, PURE, IDEMPOTENT, COMPENSATED)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesLowRiskWithANonRepeatableStep() {
        assertThatThrownBy(() -> CapabilityRules.check(capability(RiskLevel.LOW, true, PURE, NON_REPEATABLE)))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'risky'")
                .hasMessageContaining("NON_REPEATABLE");
    }

    @Test
    void acceptsMediumRiskWithANonRepeatableLastStep() {
        assertThatCode(() -> CapabilityRules.check(capability(RiskLevel.MEDIUM, true, COMPENSATED, NON_REPEATABLE)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesLowRiskForANonDeterministicCapability() {
        assertThatThrownBy(() -> CapabilityRules.check(capability(RiskLevel.LOW, false, PURE)))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("not deterministic");
    }

    @Test
    void acceptsMediumRiskForANonDeterministicCapability() {
        assertThatCode(() -> CapabilityRules.check(capability(RiskLevel.MEDIUM, false, PURE)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesMediumRiskWhenANonRepeatableStepIsFollowedByAnother() {
        assertThatThrownBy(() -> CapabilityRules.check(capability(RiskLevel.MEDIUM, true, NON_REPEATABLE, PURE)))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'pay'")
                .hasMessageContaining("HIGH or CRITICAL");
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"LOW", "MEDIUM"})
    void refusesBelowHighWhenACompensatableStepHasNoCompensation(RiskLevel risk) {
        assertThatThrownBy(() -> CapabilityRules.check(capability(risk, true, UNCOMPENSATED, PURE)))
                .isInstanceOf(CapabilityRegistrationException.class)
                .hasMessageContaining("'reserve'")
                .hasMessageContaining("HIGH or CRITICAL");
    }

    @ParameterizedTest
    @EnumSource(value = RiskLevel.class, names = {"HIGH", "CRITICAL"})
    void acceptsHighOrCriticalForStepsThatCannotBeUndone(RiskLevel risk) {
        assertThatCode(() -> CapabilityRules.check(capability(risk, false, UNCOMPENSATED, NON_REPEATABLE, PURE)))
                .doesNotThrowAnyException();
    }

    @Test
    void anUndeclaredRiskCountsAsHigh() {
        assertThatCode(() -> CapabilityRules.check(capability(null, false, NON_REPEATABLE, UNCOMPENSATED)))
                .doesNotThrowAnyException();
    }

    private static CapabilityDefinition capability(RiskLevel risk, boolean deterministic, StepDefinition... steps) {
        return new CapabilityDefinition("risky", "orders", Set.of("orders.risky"), INPUT_SCHEMA, "nothing", risk,
                deterministic, List.of(steps), RETRY_POLICY);
    }
}
