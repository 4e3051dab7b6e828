package io.symphainy.runtime.core.testing;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A test-only realm whose three-step capabilities succeed after retries, fail for good, hang, or relay facts from
 * step to step, and which logs every step and compensation it runs so tests can check order and counts.
 */
@Configuration(proxyBeanMethods = false)
public class TestRealm {

    /** Step 2 fails twice, retryably, then succeeds. */
    public static final String FLAKY = "test.flaky";
    /** Step 3 fails for good; steps 1 and 2 are compensated. */
    public static final String DOOMED = "test.doomed";
    /** Step 2 hangs on its first attempt past its timeout, then succeeds. */
    public static final String HANGING = "test.hanging";
    static final Duration HANGING_TIMEOUT = Duration.ofMillis(700);
    /** Step 1 records facts of several JSON types; every step keeps the context it was given in {@link #CONTEXTS}. */
    public static final String RELAY = "test.relay";
    private static final String SCHEMA = """
            {"type": "object", "properties": {"label": {"type": "string"}}, "required": ["label"]}""";

    /**
     * The first attempt of step 1 waits until {@link #RELEASE_LOST} is opened (a minute at most), standing for an
     * attempt whose node died; later attempts succeed at once.
     */
    public static final String LOST = "test.lost";
    /** Opens the waiting first attempts of {@link #LOST}. */
    public static final CountDownLatch RELEASE_LOST = new CountDownLatch(1);

    /** Every step action and compensation the test realm ran, in order: "capability:step:attempt" or "...:undo". */
    public static final List<String> LOG = new CopyOnWriteArrayList<>();
    /** The contexts the steps of {@link #RELAY} were given, in the order they ran. */
    public static final List<StepContext> CONTEXTS = new CopyOnWriteArrayList<>();

    @Bean
    CapabilityDefinition flaky() {
        return capability(FLAKY, RiskLevel.HIGH, List.of(
                logged(FLAKY, "reserve", SideEffectClass.COMPENSATABLE, context -> StepResult.success(
                        Map.of("reservation", "res-" + context.payload().get("label")), Map.of())),
                logged(FLAKY, "charge", SideEffectClass.IDEMPOTENT, context -> context.attempt() <= 2
                        ? StepResult.retryableFailure("UPSTREAM_BUSY", "attempt " + context.attempt() + " refused")
                        : StepResult.success(Map.of("charge", "ch-" + context.reference("reservation").orElseThrow()),
                        Map.of("attempts", context.attempt()))),
                logged(FLAKY, "confirm", SideEffectClass.PURE, context -> StepResult.success())));
    }

    @Bean
    CapabilityDefinition doomed() {
        return capability(DOOMED, RiskLevel.MEDIUM, List.of(
                logged(DOOMED, "reserve", SideEffectClass.COMPENSATABLE, context -> StepResult.success(
                        Map.of("reservation", "r1"), Map.of())).compensatedBy(undo(DOOMED, "reserve")),
                logged(DOOMED, "charge", SideEffectClass.COMPENSATABLE, context -> StepResult.success(
                        Map.of("charge", "c1"), Map.of())).compensatedBy(undo(DOOMED, "charge")),
                logged(DOOMED, "ship", SideEffectClass.NON_REPEATABLE,
                        context -> StepResult.permanentFailure("OUT_OF_STOCK", "nothing left to ship"))));
    }

    @Bean
    CapabilityDefinition hanging() {
        return capability(HANGING, RiskLevel.LOW, List.of(
                logged(HANGING, "prepare", SideEffectClass.PURE, context -> StepResult.success()),
                logged(HANGING, "call", SideEffectClass.IDEMPOTENT, context -> {
                    if (context.attempt() == 1) {
                        Thread.sleep(Duration.ofSeconds(30).toMillis());
                    }
                    return StepResult.success();
                }).withTimeout(HANGING_TIMEOUT),
                logged(HANGING, "finish", SideEffectClass.PURE, context -> StepResult.success())));
    }

    @Bean
    CapabilityDefinition lost() {
        return capability(LOST, RiskLevel.LOW, List.of(
                logged(LOST, "wait", SideEffectClass.IDEMPOTENT, context -> {
                    if (context.attempt() == 1) {
                        RELEASE_LOST.await(1, TimeUnit.MINUTES);
                    }
                    return StepResult.success();
                }).withTimeout(Duration.ofMinutes(2)),
                logged(LOST, "finish", SideEffectClass.PURE, context -> StepResult.success())));
    }

    @Bean
    CapabilityDefinition relay() {
        return capability(RELAY, RiskLevel.LOW, List.of(
                kept("stamp", context -> StepResult.success(Map.of("stamp", "s-" + context.payload().get("label")),
                        Map.of("count", 5L, "ratio", 0.5f, "at", Instant.parse("2030-01-01T10:00:00.123Z"),
                                "nested", Map.of("items", List.of(1, "two"))))),
                kept("relay", context -> StepResult.success(Map.of("relayed", "r-" + context.reference("stamp")
                        .orElseThrow()), Map.of("seen", context.outputs().keySet().size()))),
                kept("finish", context -> StepResult.success())));
    }

    /**
     * A test capability rated as the Curator demands: flaky's reservation cannot be undone (HIGH), doomed ends with a
     * non-repeatable step (MEDIUM), hanging, lost and relay do nothing irreversible (LOW).
     */
    private static CapabilityDefinition capability(String intentType, RiskLevel risk, List<StepDefinition> steps) {
        return new CapabilityDefinition(intentType, "test", Set.of(intentType), SCHEMA, "test references",
                risk, true, steps,
                RetryPolicy.exponential(4, Duration.ofMillis(100), 2.0, Duration.ofMillis(400)));
    }

    private static StepDefinition logged(String capability, String name, SideEffectClass sideEffect,
                                         io.symphainy.runtime.core.capability.spi.Step action) {
        return StepDefinition.of(name, sideEffect, context -> {
            LOG.add(capability + ":" + name + ":" + context.attempt() + ":" + context.executionId());
            return action.run(context);
        });
    }

    private static StepDefinition kept(String name, io.symphainy.runtime.core.capability.spi.Step action) {
        return StepDefinition.of(name, SideEffectClass.PURE, context -> {
            CONTEXTS.add(context);
            return action.run(context);
        });
    }

    private static io.symphainy.runtime.core.capability.spi.Step undo(String capability, String name) {
        return (StepContext context) -> {
            LOG.add(capability + ":" + name + ":undo:" + context.executionId());
            return StepResult.success();
        };
    }
}
