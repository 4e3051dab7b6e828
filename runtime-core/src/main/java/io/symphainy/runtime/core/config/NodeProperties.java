package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How nodes sharing one database find each other and share the streaming processors' segments.
 *
 * @param heartbeatInterval how often a node records that it is alive and rebalances its segments
 * @param nodeTimeout       how long after its last heartbeat a node still counts as alive; keep it near
 *                          {@code axon.eventhandling.tokenstore.claim-timeout}
 * @param maxSegments       the most segments the coordinator is split into as nodes join, and the threads each
 *                          tracking processor may use (one per segment it claims, started only when claimed)
 * @param claimInterval     how often a tracking processor with a free thread looks for a segment no node claims
 */
@ConfigurationProperties("runtime.nodes")
public record NodeProperties(
        @DefaultValue("2s") Duration heartbeatInterval,
        @DefaultValue("10s") Duration nodeTimeout,
        @DefaultValue("8") int maxSegments,
        @DefaultValue("2s") Duration claimInterval) {
}
