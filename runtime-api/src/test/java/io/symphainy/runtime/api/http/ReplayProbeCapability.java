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
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A test-only capability, {@code replayprobe.compute}, whose one PURE step answers with whatever {@link #OUTPUT}
 * holds when it runs, so a replay test can make a re-computation diverge from the record.
 */
@TestConfiguration(proxyBeanMethods = false)
class ReplayProbeCapability {

    static final String PROBE = "replayprobe.compute";
    /** What the step produces next; tests change it between the run and the replay. */
    static volatile String OUTPUT = "first";

    @Bean
    CapabilityDefinition replayProbe() {
        return new CapabilityDefinition(PROBE, "replayprobe", Set.of(PROBE), "{\"type\": \"object\"}",
                "reference probe.output is what the step computed", RiskLevel.MEDIUM, false,
                List.of(StepDefinition.of("compute", SideEffectClass.PURE,
                        context -> StepResult.success(Map.of("probe.output", OUTPUT), Map.of()))),
                RetryPolicy.none());
    }
}
