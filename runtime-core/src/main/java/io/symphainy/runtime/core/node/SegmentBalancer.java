package io.symphainy.runtime.core.node;

import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.config.NodeProperties;
import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.infrastructure.BoundedAggregateCache;
import io.symphainy.runtime.core.saga.SagaCoordinator;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.caching.Cache;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Shares the tracking processors' segments among the live nodes without an operator. Every
 * {@code runtime.nodes.heartbeat-interval} this node records its heartbeat and then, for each tracking processor:
 * <ul>
 *   <li>splits the coordinator while it has fewer segments than live nodes (or {@code runtime.processors.segments}),
 *       up to {@code runtime.nodes.max-segments}: one split of its widest claimed segment per beat, so a joining
 *       node finds a segment to take;</li>
 *   <li>releases one segment while it holds at least two more than the live node holding fewest, and leaves it for a
 *       while, so that a node holding fewer claims it: the shares end up differing by one at most.</li>
 * </ul>
 * While other nodes are alive this node keeps no aggregates in its caches ({@link BoundedAggregateCache}).
 * Segments are never merged: a node that leaves leaves its segments to the others, whose free threads claim them once
 * its claims lapse ({@code axon.eventhandling.tokenstore.claim-timeout}).
 */
@Component
class SegmentBalancer implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentBalancer.class);

    private final RuntimeNodes nodes;
    private final EventProcessingConfiguration processing;
    private final NodeProperties properties;
    private final ProcessorProperties processors;
    private final ObjectProvider<Cache> caches;
    private final Map<String, Long> releasedAt = new HashMap<>();
    private volatile ScheduledExecutorService beats;
    private volatile boolean running;
    private CompletableFuture<Boolean> split = CompletableFuture.completedFuture(true);

    SegmentBalancer(RuntimeNodes nodes, EventProcessingConfiguration processing, NodeProperties properties,
                    ProcessorProperties processors, ObjectProvider<Cache> caches) {
        this.nodes = nodes;
        this.processing = processing;
        this.properties = properties;
        this.processors = processors;
        this.caches = caches;
    }

    /** One beat: the heartbeat, the aggregate caches on or off, then a split or a release where one is due. */
    void beat() {
        nodes.heartbeat();
        int live = Math.max(1, nodes.liveNodeCount());
        holdCachedAggregates(live == 1);
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking && tracking.isRunning() && !tracking.isError()) {
                balance(name, tracking, live);
            }
        });
    }

    private void balance(String name, TrackingEventProcessor processor, int live) {
        Map<Integer, EventTrackerStatus> claimed = processor.processingStatus();
        if (claimed.isEmpty() || claimed.values().stream().anyMatch(EventTrackerStatus::isErrorState)) {
            return;
        }
        int stored = nodes.storedSegments(name);
        if (SagaCoordinator.PROCESSING_GROUP.equals(name) && stored < wantedSegments(live)) {
            splitWidest(name, processor, claimed);
            return;
        }
        // The token store, not the processor's own view, says what this node holds: a segment another node took
        // over while this one retried after an error still shows in the processor's status for a moment.
        List<Integer> held = nodes.segmentsHeld(name).stream().filter(claimed::containsKey).toList();
        int fewest = nodes.segmentsPerLiveNode(name).values().stream().min(Integer::compare).orElse(0);
        if (held.size() - fewest > 1 && !releasedRecently(name)) {
            int released = held.stream().max(Integer::compare).orElseThrow();
            LOG.info("Releasing segment {} of {}: this node holds {} of {} segments, another live node {}", released,
                    name, held.size(), stored, fewest);
            processor.releaseSegment(released, releasePeriod(), TimeUnit.MILLISECONDS);
            releasedAt.put(name, System.nanoTime());
        }
    }

    /** A released segment is left alone this long, and this node releases no other meanwhile. */
    private long releasePeriod() {
        return properties.claimInterval().multipliedBy(3).plus(properties.heartbeatInterval()).toMillis();
    }

    private boolean releasedRecently(String name) {
        Long at = releasedAt.get(name);
        return at != null && System.nanoTime() - at < TimeUnit.MILLISECONDS.toNanos(releasePeriod());
    }

    private void holdCachedAggregates(boolean alone) {
        List<BoundedAggregateCache> changing = caches.stream().filter(BoundedAggregateCache.class::isInstance)
                .map(BoundedAggregateCache.class::cast).filter(cache -> cache.holdsEntries() != alone).toList();
        if (!changing.isEmpty()) {
            LOG.info(alone ? "This node is alone on its database: aggregate caches on"
                    : "Other nodes share the database: aggregate caches off");
            changing.forEach(cache -> cache.holdEntries(alone));
        }
    }

    private int wantedSegments(int live) {
        return Math.min(properties.maxSegments(), Math.max(processors.segments(), live));
    }

    private void splitWidest(String name, TrackingEventProcessor processor, Map<Integer, EventTrackerStatus> claimed) {
        if (!split.isDone()) {
            return;
        }
        int widest = claimed.values().stream().map(EventTrackerStatus::getSegment)
                .min(Comparator.comparingInt(segment -> segment.getMask())).orElseThrow().getSegmentId();
        LOG.info("Splitting segment {} of {} so that another node can share its work", widest, name);
        split = processor.splitSegment(widest);
    }

    private void beatSafely() {
        try {
            beat();
        } catch (RuntimeException e) {
            LOG.warn("The node heartbeat failed; it beats again in {}: {}", properties.heartbeatInterval(),
                    e.toString());
        }
    }

    /** Nothing yet: a node counts as alive only once it serves ({@link #beginBeating()}). */
    @Override
    public void start() {
        running = true;
    }

    /** Once the node is ready (processors running, requests served), it records heartbeats and shares segments. */
    @EventListener(ApplicationReadyEvent.class)
    public void beginBeating() {
        if (beats != null) {
            return;
        }
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("node-heartbeat-"));
        long interval = properties.heartbeatInterval().toMillis();
        executor.scheduleWithFixedDelay(this::beatSafely, 0, interval, TimeUnit.MILLISECONDS);
        beats = executor;
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService executor = beats;
        beats = null;
        if (executor != null) {
            executor.shutdownNow();
            try {
                nodes.leave();
            } catch (RuntimeException e) {
                LOG.warn("This node could not remove its heartbeat: {}", e.toString());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
