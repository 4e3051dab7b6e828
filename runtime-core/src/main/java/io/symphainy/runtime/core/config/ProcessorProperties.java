package io.symphainy.runtime.core.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of the streaming event processors: the coordinator, the shared read-model processor and the rebuilds.
 *
 * @param segments          segments a new coordinator processor splits the event stream into; nodes share work by
 *                          claiming segments, so a deployment of several nodes sets one per node it wants to share the
 *                          coordinator's work. Applies when the processor stores its first tokens; a processor already
 *                          stored keeps its segments, each with a thread
 * @param batchSize         events the coordinator handles in one transaction
 * @param readModelBatchSize events the shared read-model processor handles in one transaction at most: a live batch
 *                          holds the events already available, up to this many
 * @param rebuildBatchSize  events a rebuild handles in one transaction (and fetches ahead while the previous batch is
 *                          written)
 * @param readModelLinger   how long the shared read-model processor waits, once a new event has come after a wait,
 *                          before it reads its batch (0 reads at once)
 */
@ConfigurationProperties("runtime.processors")
public record ProcessorProperties(
        @DefaultValue("1") int segments,
        @DefaultValue("50") int batchSize,
        @DefaultValue("500") int readModelBatchSize,
        @DefaultValue("1000") int rebuildBatchSize,
        @DefaultValue("25ms") Duration readModelLinger) {
}
