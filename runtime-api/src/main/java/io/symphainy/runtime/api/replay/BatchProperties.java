package io.symphainy.runtime.api.replay;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds of {@code POST /replay/batch}; a request may ask for less, never for more.
 *
 * @param maxExecutions    the most executions one batch acts on or lists (a dry run included)
 * @param maxRatePerSecond the fastest a batch may act: executions started per second
 */
@Validated
@ConfigurationProperties("runtime.replay.batch")
public record BatchProperties(
        @DefaultValue("100") @Min(1) @Max(1000) int maxExecutions,
        @DefaultValue("10") @Min(1) @Max(100) int maxRatePerSecond) {
}
