package io.symphainy.runtime.core.diagnostics;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The built-in {@code diagnostics.echo} capability operators use to smoke-test a deployment: three steps that do no
 * work, with payload knobs that drive retries ({@code fail_times}), compensation ({@code fail_permanently_at}) and
 * slowness ({@code sleep_ms}); and {@code diagnostics.await} ({@link DiagnosticsAwait}), which waits for a signal.
 * Registered only when {@code runtime.diagnostics.enabled} is true.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "runtime.diagnostics.enabled", havingValue = "true")
public class DiagnosticsCapability {

    /** The capability's name and intent type. */
    public static final String INTENT_TYPE = "diagnostics.echo";
    /** Failure code of a failure the payload asked for. */
    public static final String REQUESTED_FAILURE = "DIAGNOSTICS_REQUESTED_FAILURE";
    private static final int RETRYABLY_FAILING_STEP = 2;

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "message": {"type": "string"},
                "fail_times": {"type": "integer", "minimum": 0},
                "fail_permanently_at": {"type": "integer", "minimum": 1, "maximum": 3},
                "sleep_ms": {"type": "integer", "minimum": 0, "maximum": 600000}
              },
              "additionalProperties": false
            }""";

    @Bean
    public CapabilityDefinition diagnosticsEcho() {
        return new CapabilityDefinition(INTENT_TYPE, "diagnostics", Set.of(INTENT_TYPE), INPUT_SCHEMA,
                "references echo.step1..3 name each step's attempt; facts echo the message",
                RiskLevel.LOW, true,
                List.of(step(1).compensatedBy(DiagnosticsCapability::compensate),
                        step(2).compensatedBy(DiagnosticsCapability::compensate),
                        step(3)),
                RetryPolicy.exponential(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2)));
    }

    /** {@code diagnostics.await}: waits for the signal its payload names and echoes what the signal carried. */
    @Bean
    public CapabilityDefinition diagnosticsAwait() {
        return DiagnosticsAwait.definition();
    }

    private static StepDefinition step(int number) {
        return StepDefinition.of("step" + number, SideEffectClass.PURE, context -> run(number, context));
    }

    private static StepResult run(int number, StepContext context) throws InterruptedException {
        Map<String, Object> payload = context.payload();
        sleep(payload);
        if (number == intKnob(payload, "fail_permanently_at")) {
            return StepResult.permanentFailure(REQUESTED_FAILURE, "step " + number + " was asked to fail for good");
        }
        if (number == RETRYABLY_FAILING_STEP && context.attempt() <= intKnob(payload, "fail_times")) {
            return StepResult.retryableFailure(REQUESTED_FAILURE,
                    "step " + number + " was asked to fail " + intKnob(payload, "fail_times") + " times");
        }
        Object message = payload.getOrDefault("message", "");
        return StepResult.success(Map.of("echo.step" + number, "attempt-" + context.attempt()),
                Map.of("message", message));
    }

    private static StepResult compensate(StepContext context) throws InterruptedException {
        sleep(context.payload());
        return StepResult.success();
    }

    private static void sleep(Map<String, Object> payload) throws InterruptedException {
        int millis = intKnob(payload, "sleep_ms");
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static int intKnob(Map<String, Object> payload, String name) {
        return payload.get(name) instanceof Number number ? number.intValue() : 0;
    }
}
