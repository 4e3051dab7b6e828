package io.symphainy.runtime.api.http;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A HIGH-risk test capability, {@code payments.transfer}, for the governance tests: it checks the amount, then moves
 * money in a step that must never run twice. Every step it runs is logged so tests can prove that none ran.
 */
@TestConfiguration(proxyBeanMethods = false)
class TransferCapability {

    static final String TRANSFER = "payments.transfer";
    /** "step:execution_id" of every step that ran. */
    static final List<String> RUNS = new CopyOnWriteArrayList<>();

    private static final String SCHEMA = """
            {"type": "object", "properties": {"amount": {"type": "integer", "minimum": 1}},
             "required": ["amount"]}""";

    @Bean
    CapabilityDefinition paymentsTransfer() {
        return new CapabilityDefinition(TRANSFER, "payments", Set.of(TRANSFER), SCHEMA,
                "references name the transfer", RiskLevel.HIGH, false,
                List.of(step("check", SideEffectClass.PURE), step("transfer", SideEffectClass.NON_REPEATABLE)),
                RetryPolicy.exponential(2, Duration.ofMillis(100), 2.0, Duration.ofMillis(200)));
    }

    /** Whether any step of the execution ran. */
    static boolean anyStepRan(String executionId) {
        return RUNS.stream().anyMatch(run -> run.endsWith(":" + executionId));
    }

    private static StepDefinition step(String name, SideEffectClass sideEffect) {
        return StepDefinition.of(name, sideEffect, context -> {
            RUNS.add(name + ":" + context.executionId());
            return StepResult.success(Map.of("transfer." + name, "done"), Map.of());
        });
    }
}
