package io.symphainy.runtime.core.wal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the {@link WalTail}.
 *
 * @param pollInterval how often the tail looks for positions this node was not told about, such as rows another
 *                     node's WAL projection wrote; rows written by this node are signalled at once
 * @param maxScan      the most new positions the tail inspects to find which followers they concern; after a larger
 *                     jump (a rebuild, a long pause) it wakes every follower instead
 */
@ConfigurationProperties("runtime.wal.tail")
public record WalTailProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10000") int maxScan) {
}
