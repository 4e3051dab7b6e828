package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.core.dataref.DataReferenceProjection;
import io.symphainy.runtime.core.policy.PolicyVersionProjection;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.SessionStateProjection;
import io.symphainy.runtime.core.timeline.AuditTimelineProjection;
import io.symphainy.runtime.core.wal.WalProjection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The tracking projections of this node: their positions against the event store's head, and their rebuild. Only
 * projections whose {@code @ResetHandler} clears the read model they build may be rebuilt; the saga coordinator (sagas
 * cannot be replayed) and the webhook outbox (its handlers send, and disallow replay) never are.
 */
@Component
public class Projections {

    /** The processors a rebuild may reset: each clears its own tables on reset and rebuilds them from events. */
    public static final Set<String> REBUILDABLE = Set.of(ExecutionStateProjection.PROCESSING_GROUP,
            SessionStateProjection.PROCESSING_GROUP, WalProjection.PROCESSING_GROUP,
            AuditTimelineProjection.PROCESSING_GROUP, DataReferenceProjection.PROCESSING_GROUP,
            PolicyVersionProjection.PROCESSING_GROUP);

    private static final Duration CLAIM_WAIT = Duration.ofSeconds(5);
    private static final long CLAIM_POLL_MILLIS = 20;

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final RebuildRegistry registry;

    Projections(EventProcessingConfiguration processing, EventStore eventStore, RebuildRegistry registry) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** Every tracking processor, by name. */
    public List<ProjectionView> list() {
        Map<String, StreamingEventProcessor> streaming = new TreeMap<>();
        Map<String, Collection<EventTrackerStatus>> statuses = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor tracking) {
                streaming.put(name, tracking);
                statuses.put(name, List.copyOf(tracking.processingStatus().values()));
            }
        });
        // The head is read after the positions, so that no position is ahead of it.
        Long head = headPosition();
        List<ProjectionView> views = new ArrayList<>();
        streaming.forEach((name, processor) -> views.add(view(name, processor, statuses.get(name), head)));
        return views;
    }

    /** Whether the named processor is replaying events it already handled once. */
    public boolean isReplaying(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }

    /**
     * Stops the projection, resets its tokens (its reset handler clears the read model) and starts it again, so it
     * replays the whole event store.
     *
     * @throws ProblemException {@code PROJECTION_NOT_FOUND}, {@code PROJECTION_NOT_REBUILDABLE},
     *                          {@code PROJECTION_REBUILD_IN_PROGRESS} or {@code PROJECTION_CLAIMED_ELSEWHERE} (another
     *                          node processes a segment: rebuilds are started where the segments are processed)
     */
    public synchronized void rebuild(String name) {
        StreamingEventProcessor processor = find(name);
        if (!REBUILDABLE.contains(name) || !processor.supportsReset()) {
            throw new ProblemException(ProblemCode.PROJECTION_NOT_REBUILDABLE, name + " cannot be rebuilt");
        }
        if (processor.isReplaying()) {
            throw new ProblemException(ProblemCode.PROJECTION_REBUILD_IN_PROGRESS, name + " is being rebuilt");
        }
        long start = positionOf(eventStore.createTailToken()).orElse(0L);
        Long head = headPosition();
        processor.shutDown();
        try {
            resetTokens(name, processor);
            registry.started(name, start, head == null ? start : head);
        } finally {
            processor.start();
        }
        awaitClaims(processor);
    }

    /** Resets the processor's tokens in one transaction, which a segment claimed by another node rolls back. */
    private static void resetTokens(String name, StreamingEventProcessor processor) {
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException claimedElsewhere) {
            throw new ProblemException(ProblemCode.PROJECTION_CLAIMED_ELSEWHERE,
                    "another node holds segments of " + name + "; nothing was reset");
        }
    }

    private StreamingEventProcessor find(String name) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(name, StreamingEventProcessor.class);
        return processor.orElseThrow(() -> new ProblemException(ProblemCode.PROJECTION_NOT_FOUND,
                "no tracking projection named " + name));
    }

    private ProjectionView view(String name, StreamingEventProcessor processor,
                                Collection<EventTrackerStatus> segments, Long head) {
        Long position = lowestPosition(segments);
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        boolean replaying = processor.isReplaying();
        boolean claimed = coversAllSegments(segments);
        if (claimed && !replaying && position != null) {
            registry.find(name).filter(rebuild -> position >= rebuild.targetPosition())
                    .ifPresent(rebuild -> registry.finished(name));
        }
        RebuildProgress progress = registry.find(name).map(rebuild -> RebuildProgress.of(rebuild,
                position == null ? rebuild.startPosition() : position, registry.now())).orElse(null);
        return new ProjectionView(name, REBUILDABLE.contains(name), segments.size(), position, head, lag, replaying,
                progress);
    }

    private static boolean coversAllSegments(Collection<EventTrackerStatus> segments) {
        double coverage = 0;
        for (EventTrackerStatus segment : segments) {
            coverage += 1.0 / (segment.getSegment().getMask() + 1);
        }
        return Math.abs(coverage - 1.0) < 1e-9;
    }

    /** Waits, a few seconds at most, until the restarted processor has claimed all its segments again. */
    private static void awaitClaims(StreamingEventProcessor processor) {
        long deadline = System.nanoTime() + CLAIM_WAIT.toNanos();
        while (!coversAllSegments(processor.processingStatus().values()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(CLAIM_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Long lowestPosition(Collection<EventTrackerStatus> segments) {
        Long lowest = null;
        for (EventTrackerStatus segment : segments) {
            OptionalLong position = segment.getCurrentPosition();
            if (position.isPresent() && (lowest == null || position.getAsLong() < lowest)) {
                lowest = position.getAsLong();
            }
        }
        return lowest;
    }

    private Long headPosition() {
        OptionalLong head = positionOf(eventStore.createHeadToken());
        return head.isPresent() ? head.getAsLong() : null;
    }

    private static OptionalLong positionOf(TrackingToken token) {
        return token == null ? OptionalLong.empty() : token.position();
    }
}
