package io.symphainy.runtime.api.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a read waits for the State Surface to show a write this node just acknowledged.
 *
 * @param maxWait    the longest wait before the read answers as if the resource did not exist
 * @param trackedIds how many recently acknowledged ids are remembered before the memory starts over
 */
@ConfigurationProperties("runtime.http.read-your-writes")
public record ReadYourWritesProperties(
        @DefaultValue("2s") Duration maxWait,
        @DefaultValue("100000") int trackedIds) {
}
