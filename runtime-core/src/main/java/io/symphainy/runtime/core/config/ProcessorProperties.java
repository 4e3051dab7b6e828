package io.symphainy.runtime.core.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the streaming event processors that run the coordinator and build the projections.
 *
 * @param segments       segments each processor splits the event stream into; nodes share work by claiming segments
 * @param batchSize      events handled in one transaction by a projection
 * @param auditBatchSize events handled in one transaction by the audit-timeline projection, which writes a batch
 *                       with a few statements: a rebuild replays the store in batches of this size, while live
 *                       batches only hold the events already available (up to this many)
 */
@ConfigurationProperties("runtime.processors")
public record ProcessorProperties(
        @DefaultValue("4") int segments,
        @DefaultValue("50") int batchSize,
        @DefaultValue("500") int auditBatchSize) {
}
