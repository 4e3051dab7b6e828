package io.symphainy.runtime.core.projection;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The read models of this node, by name: which processor feeds each, how far it has come, and their rebuilds. A read
 * model written in the recording transaction is always as far as the store's head; one of the shared tracking
 * processor is as far as that processor; one being rebuilt as far as its rebuild.
 */
@Component
public class ReadModels {

    private final List<ReadModel> readModels;
    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final ProjectionRebuilds rebuilds;
    private final ProjectionSwitches switches;
    private final ObjectProvider<EventStore> eventStore;

    ReadModels(List<ReadModel> readModels, ObjectProvider<EventProcessingConfiguration> processing,
               ProjectionRebuilds rebuilds, ProjectionSwitches switches, ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
        this.readModels = readModels.stream().sorted(Comparator.comparing(ReadModel::name)).toList();
        this.processing = processing;
        this.rebuilds = rebuilds;
        this.switches = switches;
    }

    /** Every read model, by name. */
    public List<ReadModelStatus> statuses() {
        return readModels.stream().map(this::status).toList();
    }

    /** The read model of that name. */
    public Optional<ReadModel> find(String name) {
        return readModels.stream().filter(readModel -> readModel.name().equals(name)).findFirst();
    }

    /**
     * The position up to which the named read model has handled the event store: its rebuild's while it is rebuilt,
     * else the shared processor's; empty for an unknown read model or before the first event.
     */
    public Optional<Long> position(String name) {
        return find(name).map(this::status).map(ReadModelStatus::position);
    }

    /** Whether the named read model is being rebuilt (it may not show everything recorded yet). */
    public boolean isRebuilding(String name) {
        return find(name).isPresent() && !switches.isLive(name);
    }

    /**
     * Clears the named read model and replays the event store into it, while the others stay current.
     *
     * @throws RebuildRefusedException when it is unknown, not rebuildable, under way, or another node runs the shared
     *                                 processor
     */
    public void rebuild(String name) {
        ReadModel readModel = find(name).orElseThrow(() -> new RebuildRefusedException(
                RebuildRefusedException.Reason.UNKNOWN, "no read model named " + name));
        if (!readModel.rebuildable()) {
            throw new RebuildRefusedException(RebuildRefusedException.Reason.NOT_REBUILDABLE,
                    name + " cannot be rebuilt");
        }
        rebuilds.start(readModel);
    }

    private ReadModelStatus status(ReadModel readModel) {
        String name = readModel.name();
        boolean rebuilding = isRebuilding(name);
        if (rebuilding) {
            boolean running = rebuilds.isRunning(name);
            return new ReadModelStatus(name, readModel.rebuildable(), RebuildMarkers.processorOf(name),
                    running ? 1 : 0, rebuilds.position(name).orElse(null), true, running);
        }
        if (readModel.feed() == ReadModel.Feed.IN_TRANSACTION) {
            return inTransaction(readModel);
        }
        Optional<StreamingEventProcessor> shared = Optional.ofNullable(processing.getIfAvailable())
                .flatMap(configuration -> configuration.eventProcessor(ReadModelProcessor.NAME,
                        StreamingEventProcessor.class));
        if (shared.isEmpty()) {
            return new ReadModelStatus(name, readModel.rebuildable(), ReadModelProcessor.NAME, 0, null, rebuilding,
                    false);
        }
        Collection<EventTrackerStatus> segments = List.copyOf(shared.get().processingStatus().values());
        boolean healthy = shared.get().isRunning() && !shared.get().isError()
                && segments.stream().noneMatch(EventTrackerStatus::isErrorState);
        return new ReadModelStatus(name, readModel.rebuildable(), ReadModelProcessor.NAME, segments.size(),
                lowestPosition(segments), rebuilding, healthy);
    }

    /**
     * A read model written in the recording transaction shows every event committed: its position is the store's
     * head.
     */
    private ReadModelStatus inTransaction(ReadModel readModel) {
        Optional<EventProcessor> processor = Optional.ofNullable(processing.getIfAvailable())
                .flatMap(configuration -> configuration.eventProcessor(StateSurfaceProcessor.NAME));
        TrackingToken head = eventStore.getObject().createHeadToken();
        Long position = head == null || head.position().isEmpty() ? null : head.position().getAsLong();
        boolean healthy = processor.map(live -> live.isRunning() && !live.isError()).orElse(false);
        return new ReadModelStatus(readModel.name(), readModel.rebuildable(), StateSurfaceProcessor.NAME, 1,
                position, false, healthy);
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
}
