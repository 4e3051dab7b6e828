package io.symphainy.runtime.api.http;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only capability, {@code resumeprobe.run}, for the resume tests: {@code reserve} (NON_REPEATABLE, no
 * compensation) hands out a token; {@code finish} fails for good while its payload's {@code key} is listed in
 * {@link #FAILING}, and otherwise answers with the token it sees in its context. Every step run is logged.
 */
@TestConfiguration(proxyBeanMethods = false)
class ResumeProbeCapability {

    static final String PROBE = "resumeprobe.run";
    /** Payload keys whose {@code finish} step fails; tests remove a key to let a resumption succeed. */
    static final Set<String> FAILING = ConcurrentHashMap.newKeySet();
    /** "step:execution_id" of every step that ran. */
    static final List<String> RUNS = new CopyOnWriteArrayList<>();

    @Bean
    CapabilityDefinition resumeProbe() {
        return new CapabilityDefinition(PROBE, "resumeprobe", Set.of(PROBE),
                "{\"type\": \"object\", \"properties\": {\"key\": {\"type\": \"string\"}}, \"required\": [\"key\"]}",
                "reference resumeprobe.token is reserve's token; resumeprobe.seen is the token finish saw",
                RiskLevel.HIGH, true,
                List.of(StepDefinition.of("reserve", SideEffectClass.NON_REPEATABLE, context -> {
                            RUNS.add("reserve:" + context.executionId());
                            return StepResult.success(Map.of("resumeprobe.token", "token-" + context.executionId()),
                                    Map.of("reserved_by", context.executionId().toString()));
                        }),
                        StepDefinition.of("finish", SideEffectClass.PURE, context -> {
                            RUNS.add("finish:" + context.executionId());
                            if (FAILING.contains(String.valueOf(context.payload().get("key")))) {
                                return StepResult.permanentFailure("PROBE_FAILED", "finish was asked to fail");
                            }
                            return StepResult.success(Map.of("resumeprobe.seen",
                                    context.reference("resumeprobe.token").orElse("none")), Map.of("reserved_by",
                                    context.outputs().get("reserve").facts().get("reserved_by")));
                        })),
                RetryPolicy.none());
    }

    /** How often the step ran for the execution. */
    static long runs(String step, String executionId) {
        return RUNS.stream().filter((step + ":" + executionId)::equals).count();
    }
}
