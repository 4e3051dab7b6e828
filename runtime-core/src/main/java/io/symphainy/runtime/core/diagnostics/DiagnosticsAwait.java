package io.symphainy.runtime.core.diagnostics;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.SignalWait;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in {@code diagnostics.await} capability operators use to try signals: step {@code prepare} does nothing
 * but sleep {@code sleep_ms} (and is compensated, so a timed-out wait shows a compensation), step {@code wait} waits
 * for the signal named by the payload's {@code signal} for {@code timeout_ms} (default one minute), and step
 * {@code echo} records the payload the signal delivered as its facts. Registered with {@code diagnostics.echo}
 * ({@link DiagnosticsCapability}).
 */
final class DiagnosticsAwait {

    /** The capability's name and intent type. */
    static final String INTENT_TYPE = "diagnostics.await";
    /** The wait step's name, under which later steps read the delivered payload. */
    static final String WAIT_STEP = "wait";
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private static final String INPUT_SCHEMA = """
            {
              "type": "object",
              "properties": {
                "signal": {"type": "string", "minLength": 1, "maxLength": 255},
                "timeout_ms": {"type": "integer", "minimum": 1, "maximum": 86400000},
                "sleep_ms": {"type": "integer", "minimum": 0, "maximum": 600000}
              },
              "required": ["signal"],
              "additionalProperties": false
            }""";

    /** Signal payloads must be objects; a {@code note}, if present, must be a short text. */
    private static final String SIGNAL_SCHEMA = """
            {
              "type": "object",
              "properties": {"note": {"type": "string", "maxLength": 1000}}
            }""";

    private DiagnosticsAwait() {
    }

    static CapabilityDefinition definition() {
        SignalWait wait = SignalWait.fromPayload(payload -> payload.get("signal") instanceof String name ? name : null,
                        DiagnosticsAwait::timeout)
                .withPayloadSchema(SIGNAL_SCHEMA);
        return new CapabilityDefinition(INTENT_TYPE, "diagnostics", Set.of(INTENT_TYPE), INPUT_SCHEMA,
                "reference await.signal names the signal waited for; facts of step echo are its payload",
                RiskLevel.LOW, true,
                List.of(StepDefinition.of("prepare", SideEffectClass.PURE, DiagnosticsAwait::prepare)
                                .compensatedBy(context -> StepResult.success()),
                        StepDefinition.awaitSignal(WAIT_STEP, wait),
                        StepDefinition.of("echo", SideEffectClass.PURE, DiagnosticsAwait::echo)),
                RetryPolicy.none());
    }

    private static Duration timeout(Map<String, Object> payload) {
        return payload.get("timeout_ms") instanceof Number millis ? Duration.ofMillis(millis.longValue())
                : DEFAULT_TIMEOUT;
    }

    private static StepResult prepare(StepContext context) throws InterruptedException {
        if (context.payload().get("sleep_ms") instanceof Number millis && millis.longValue() > 0) {
            Thread.sleep(millis.longValue());
        }
        return StepResult.success(Map.of("await.signal", String.valueOf(context.payload().get("signal"))), Map.of());
    }

    private static StepResult echo(StepContext context) {
        StepOutputs delivered = context.outputs().getOrDefault(WAIT_STEP, new StepOutputs(Map.of(), Map.of()));
        return StepResult.success(Map.of(), delivered.facts());
    }
}
