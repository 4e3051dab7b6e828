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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * A one-step test capability, {@code probe.log}, whose step writes a log line, so tests can read the ids the step
 * worker put into its log context.
 */
@TestConfiguration(proxyBeanMethods = false)
class LogProbeCapability {

    static final String LOG_PROBE = "probe.log";
    static final String STEP = "write-log-line";
    static final String MESSAGE = "log probe step ran";

    private static final Logger LOG = LoggerFactory.getLogger(LogProbeCapability.class);

    @Bean
    CapabilityDefinition logProbe() {
        return new CapabilityDefinition(LOG_PROBE, "probe", Set.of(LOG_PROBE), "{\"type\": \"object\"}",
                "no references", RiskLevel.LOW, true,
                List.of(StepDefinition.of(STEP, SideEffectClass.PURE, context -> {
                    LOG.info(MESSAGE);
                    return StepResult.success(Map.of(), Map.of());
                })),
                RetryPolicy.exponential(1, Duration.ofMillis(100), 2.0, Duration.ofMillis(100)));
    }
}
