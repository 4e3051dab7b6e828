package io.symphainy.runtime.api.crash;

import io.symphainy.runtime.core.capability.spi.CapabilityDefinition;
import io.symphainy.runtime.core.capability.spi.RetryPolicy;
import io.symphainy.runtime.core.capability.spi.RiskLevel;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepDefinition;
import io.symphainy.runtime.core.capability.spi.StepResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * A capability for crash tests whose three steps, one of each repeatable class and a non-repeatable last one, write a
 * line to a ledger file each time they run: {@code <execution> <step> <attempt> <side-effect class>}. The line is
 * appended before the step returns, so a run survives a SIGKILL that follows it (the file lives in the kernel's page
 * cache, not the process). Step 2 fails retryably on its first attempt when the payload says {@code fail_first}; a
 * payload's {@code hold} changes nothing here, but a policy can match it ({@code payload_has_field}).
 *
 * <p>Not a Spring component: a runtime process registers it with {@code --spring.main.sources}, so the component scan
 * of other tests never finds it.
 */
public class LedgerCapability {

    static final String INTENT_TYPE = "crashloop.ledger";
    static final String LEDGER_PROPERTY = "crashloop.ledger";
    static final String FAILURE = "LEDGER_REQUESTED_FAILURE";

    private static final String SCHEMA = """
            {"type": "object", "properties": {"fail_first": {"type": "boolean"}, "sleep_ms": {"type": "integer"},
             "hold": {"type": "boolean"}}, "additionalProperties": false}""";

    @Bean
    public CapabilityDefinition crashLoopLedger(Environment environment) {
        Path ledger = Path.of(environment.getRequiredProperty(LEDGER_PROPERTY));
        return new CapabilityDefinition(INTENT_TYPE, "crashloop", Set.of(INTENT_TYPE), SCHEMA,
                "facts name the step that ran", RiskLevel.MEDIUM, true,
                List.of(step(ledger, "pure", SideEffectClass.PURE),
                        step(ledger, "idempotent", SideEffectClass.IDEMPOTENT),
                        step(ledger, "non_repeatable", SideEffectClass.NON_REPEATABLE)),
                RetryPolicy.exponential(3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(1)));
    }

    private static StepDefinition step(Path ledger, String name, SideEffectClass sideEffect) {
        return StepDefinition.of(name, sideEffect, context -> run(ledger, sideEffect, context));
    }

    private static StepResult run(Path ledger, SideEffectClass sideEffect, StepContext context)
            throws InterruptedException {
        if (context.payload().get("sleep_ms") instanceof Number millis) {
            Thread.sleep(millis.longValue());
        }
        if (sideEffect == SideEffectClass.IDEMPOTENT && Boolean.TRUE.equals(context.payload().get("fail_first"))
                && context.attempt() == 1) {
            return StepResult.retryableFailure(FAILURE, "asked to fail its first attempt");
        }
        append(ledger, context.executionId() + " " + context.stepName() + " " + context.attempt() + " "
                + sideEffect + "\n");
        return StepResult.success(java.util.Map.of(), java.util.Map.of("ran", context.stepName()));
    }

    private static synchronized void append(Path ledger, String line) {
        try {
            Files.writeString(ledger, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
