package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.CHARGE;
import static io.symphainy.runtime.core.TestData.NON_RETRYABLE_CODE;
import static io.symphainy.runtime.core.TestData.RESERVE;
import static io.symphainy.runtime.core.TestData.RETRY_POLICY;
import static io.symphainy.runtime.core.TestData.plan;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against {@code TestData.RETRY_POLICY}: four attempts, 100 ms growing ×2, capped at 250 ms. */
class SagaRulesTest {

    private static final String CODE = "WAREHOUSE_UNAVAILABLE";

    @ParameterizedTest(name = "failed attempt {0}")
    @CsvSource({"1", "2", "3"})
    void retriesARetryableFailureWhileAttemptsRemain(int failedAttempt) {
        assertThat(SagaRules.mayRetry(RETRY_POLICY, failedAttempt, CODE, true)).isTrue();
    }

    @Test
    void doesNotRetryTheLastAllowedAttempt() {
        assertThat(SagaRules.mayRetry(RETRY_POLICY, 4, CODE, true)).isFalse();
    }

    @Test
    void doesNotRetryBeyondTheLastAllowedAttempt() {
        assertThat(SagaRules.mayRetry(RETRY_POLICY, 5, CODE, true)).isFalse();
    }

    @Test
    void doesNotRetryAFailureTheStepCalledPermanent() {
        assertThat(SagaRules.mayRetry(RETRY_POLICY, 1, CODE, false)).isFalse();
    }

    @Test
    void doesNotRetryACodeThePolicyExcludesEvenWhenCalledRetryable() {
        assertThat(SagaRules.mayRetry(RETRY_POLICY, 1, NON_RETRYABLE_CODE, true)).isFalse();
    }

    @Test
    void neverRetriesUnderThePolicyWithoutRetries() {
        assertThat(SagaRules.mayRetry(RetryPolicy.none(), 1, CODE, true)).isFalse();
    }

    @ParameterizedTest(name = "after attempt {0}: {1} ms")
    @CsvSource({"1, 100", "2, 200", "3, 250", "4, 250"})
    void waitsTheInitialDelayGrownByTheMultiplierCappedAtTheMaximum(int failedAttempt, long expectedMillis) {
        assertThat(SagaRules.backoffMillis(RETRY_POLICY, failedAttempt)).isEqualTo(expectedMillis);
    }

    @Test
    void staysAtTheMaximumForAttemptsFarBeyondWhereTheGrowthWouldOverflow() {
        assertThat(SagaRules.backoffMillis(RETRY_POLICY, 5_000)).isEqualTo(250);
    }

    @Test
    void waitsTheSameDelayEveryTimeWithAMultiplierOfOne() {
        RetryPolicy constant = RetryPolicy.exponential(5, Duration.ofMillis(300), 1.0, Duration.ofSeconds(10));

        assertThat(List.of(1, 2, 3, 4)).allSatisfy(attempt ->
                assertThat(SagaRules.backoffMillis(constant, attempt)).isEqualTo(300));
    }

    @Test
    void waitsNotAtAllWithAZeroInitialDelay() {
        RetryPolicy immediate = RetryPolicy.exponential(3, Duration.ZERO, 2.0, Duration.ofSeconds(1));

        assertThat(SagaRules.backoffMillis(immediate, 2)).isZero();
    }

    @Test
    void compensatesCompletedCompensableStepsLatestFirst() {
        assertThat(SagaRules.compensationOrder(plan(), List.of(0, 1, 2)))
                .extracting(PlannedStep::name)
                .containsExactly(CHARGE, RESERVE);
    }

    @Test
    void compensatesOnlyStepsThatCompleted() {
        assertThat(SagaRules.compensationOrder(plan(), List.of(0)))
                .extracting(PlannedStep::name)
                .containsExactly(RESERVE);
    }

    @Test
    void compensatesNothingWhenNothingCompleted() {
        assertThat(SagaRules.compensationOrder(plan(), List.of())).isEmpty();
    }

    @Test
    void skipsACompletedStepWithoutCompensationBetweenCompensableOnes() {
        List<PlannedStep> mixed = List.of(
                new PlannedStep(0, "a", SideEffectClass.COMPENSATABLE, true, 1_000),
                new PlannedStep(1, "b", SideEffectClass.PURE, false, 1_000),
                new PlannedStep(2, "c", SideEffectClass.COMPENSATABLE, true, 1_000),
                new PlannedStep(3, "d", SideEffectClass.COMPENSATABLE, true, 1_000));

        assertThat(SagaRules.compensationOrder(mixed, List.of(0, 1, 2)))
                .extracting(PlannedStep::name)
                .containsExactly("c", "a");
    }
}
