package io.symphainy.runtime.api.versions;

import io.symphainy.runtime.core.capability.CapabilitySource;
import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The capability {@value #INTENT_TYPE} in the versions a runtime registers ({@value #VERSIONS_PROPERTY}, e.g.
 * {@code 1,2}): two steps, {@code first} (PURE) and {@code second} (IDEMPOTENT), each writing
 * {@code <version>:<step>} to {@link #runs} whenever it runs, so a test sees which version's code ran for which
 * execution. While {@link #parked} is set, version 1's {@code first} step fails retryably, keeping its execution in
 * flight until its retry is due; a payload with {@code fail: true} fails {@code second} for good.
 *
 * <p>Not a Spring component: a test registers it as a source of the runtime it starts.
 */
public class VersionedProbe {

    static final String INTENT_TYPE = "versionprobe.run";
    static final String VERSIONS_PROPERTY = "versionprobe.versions";
    static final AtomicBoolean parked = new AtomicBoolean();
    /** Long enough for a test to stop its runtime before the retry of a parked step is due. */
    static final Duration RETRY_DELAY = Duration.ofSeconds(6);
    private static final Map<String, List<String>> runs = new ConcurrentHashMap<>();

    private static final String SCHEMA = """
            {"type": "object", "properties": {"fail": {"type": "boolean"}}, "additionalProperties": false}""";

    @Bean
    public CapabilitySource versionedProbes(Environment environment) {
        List<CapabilityDefinition> versions = new ArrayList<>();
        for (String version : environment.getRequiredProperty(VERSIONS_PROPERTY).split(",")) {
            versions.add(new CapabilityDefinition(INTENT_TYPE, "versionprobe", Set.of(INTENT_TYPE), SCHEMA,
                    "facts name the version that ran", RiskLevel.MEDIUM, true,
                    List.of(step(version, "first", SideEffectClass.PURE),
                            step(version, "second", SideEffectClass.IDEMPOTENT)),
                    RetryPolicy.exponential(3, RETRY_DELAY, 1.0, RETRY_DELAY), version));
        }
        return () -> versions;
    }

    /** What ran for the execution, in order: {@code 1:first}, {@code 2:second}... */
    static List<String> runsOf(String executionId) {
        return List.copyOf(runs.getOrDefault(executionId, List.of()));
    }

    private static StepDefinition step(String version, String name, SideEffectClass sideEffect) {
        return StepDefinition.of(name, sideEffect, context -> run(version, name, context))
                .withTimeout(Duration.ofSeconds(1));
    }

    private static StepResult run(String version, String name, StepContext context) {
        runs.computeIfAbsent(context.executionId().toString(), id -> new CopyOnWriteArrayList<>())
                .add(version + ":" + name);
        if ("1".equals(version) && "first".equals(name) && parked.get()) {
            return StepResult.retryableFailure("PARKED", "version 1 is parked");
        }
        if ("second".equals(name) && Boolean.TRUE.equals(context.payload().get("fail"))) {
            return StepResult.permanentFailure("ASKED_TO_FAIL", "the payload asked the step to fail");
        }
        return StepResult.success(Map.of(), Map.of("version", version));
    }
}
