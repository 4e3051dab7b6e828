package io.symphainy.runtime.core.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the streaming event processors that run the coordinator and build the projections.
 *
 * @param segments       segments a new processor splits the event stream into; nodes share work by claiming segments,
 *                       so a deployment of several nodes sets one per node it wants to share a processor's work (a
 *                       single node runs best on one: fewer threads wake on every commit). Applies when a processor
 *                       stores its first tokens; a processor already stored keeps its segments, each with a thread
 * @param batchSize      events handled in one transaction by a projection
 * @param auditBatchSize events handled in one transaction by the audit-timeline projection, which writes a batch
 *                       with a few statements: a rebuild replays the store in batches of this size, while live
 *                       batches only hold the events already available (up to this many)
 */
@ConfigurationProperties("runtime.processors")
public record ProcessorProperties(
        @DefaultValue("1") int segments,
        @DefaultValue("50") int batchSize,
        @DefaultValue("500") int auditBatchSize) {
}
