package io.symphainy.runtime.api.runtime;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.core.projection.ReadModelProcessor;
import io.symphainy.runtime.core.projection.ReadModelStatus;
import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.projection.RebuildRefusedException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The projections of this node against the event store's head: every read model by name (all fed by the shared
 * read-model processor, or by their own rebuild while one runs) and the other streaming processors (the saga
 * coordinator). Only read models whose reset handler clears what they build may be rebuilt; the coordinator (sagas
 * cannot be replayed), the webhook outbox (it sends) and the runtime's meters (they count) never are.
 */
@Component
public class Projections {

    private final ReadModels readModels;
    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final RebuildRegistry registry;

    Projections(ReadModels readModels, EventProcessingConfiguration processing, EventStore eventStore,
                RebuildRegistry registry) {
        this.readModels = readModels;
        this.processing = processing;
        this.eventStore = eventStore;
        this.registry = registry;
    }

    /** Every read model and every other streaming processor, by name. */
    public List<ProjectionView> list() {
        List<ReadModelStatus> statuses = readModels.statuses();
        Map<String, Collection<EventTrackerStatus>> others = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming && !ReadModelProcessor.NAME.equals(name)) {
                others.put(name, List.copyOf(streaming.processingStatus().values()));
            }
        });
        // The head is read after the positions, so that no position is ahead of it.
        Long head = headPosition();
        List<ProjectionView> views = new ArrayList<>();
        statuses.forEach(status -> views.add(view(status, head)));
        others.forEach((name, segments) -> views.add(new ProjectionView(name, name, false, segments.size(),
                lowestPosition(segments), head, lag(lowestPosition(segments), head), false, null)));
        views.sort((left, right) -> left.name().compareTo(right.name()));
        return views;
    }

    /** Whether the named read model is being rebuilt, so it may not show everything recorded yet. */
    public boolean isReplaying(String name) {
        return readModels.isRebuilding(name);
    }

    /**
     * Clears the read model and replays the event store into it while the other read models stay current.
     *
     * @throws ProblemException {@code PROJECTION_NOT_FOUND}, {@code PROJECTION_NOT_REBUILDABLE},
     *                          {@code PROJECTION_REBUILD_IN_PROGRESS} or {@code PROJECTION_CLAIMED_ELSEWHERE} (another
     *                          node runs the shared read-model processor: rebuilds are started where it runs)
     */
    public synchronized void rebuild(String name) {
        if (readModels.find(name).isEmpty() && processing.eventProcessor(name, StreamingEventProcessor.class)
                .isPresent()) {
            throw new ProblemException(ProblemCode.PROJECTION_NOT_REBUILDABLE, name + " cannot be rebuilt");
        }
        long start = positionOf(eventStore.createTailToken()).orElse(0L);
        Long head = headPosition();
        try {
            readModels.rebuild(name);
        } catch (RebuildRefusedException refused) {
            throw new ProblemException(problemCodeOf(refused.reason()), refused.getMessage());
        }
        registry.started(name, start, head == null ? start : head);
    }

    private static ProblemCode problemCodeOf(RebuildRefusedException.Reason reason) {
        return switch (reason) {
            case UNKNOWN -> ProblemCode.PROJECTION_NOT_FOUND;
            case NOT_REBUILDABLE -> ProblemCode.PROJECTION_NOT_REBUILDABLE;
            case IN_PROGRESS -> ProblemCode.PROJECTION_REBUILD_IN_PROGRESS;
            case CLAIMED_ELSEWHERE -> ProblemCode.PROJECTION_CLAIMED_ELSEWHERE;
        };
    }

    private ProjectionView view(ReadModelStatus status, Long head) {
        String name = status.name();
        Long position = status.position();
        if (!status.rebuilding() && position != null) {
            registry.find(name).filter(rebuild -> position >= rebuild.targetPosition())
                    .ifPresent(rebuild -> registry.finished(name));
        }
        RebuildProgress progress = registry.find(name).map(rebuild -> RebuildProgress.of(rebuild,
                position == null ? rebuild.startPosition() : position, registry.now())).orElse(null);
        return new ProjectionView(name, status.processor(), status.rebuildable(), status.segments(), position, head,
                lag(position, head), status.rebuilding(), progress);
    }

    private static Long lag(Long position, Long head) {
        return position == null || head == null ? null : Math.max(0, head - position);
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
