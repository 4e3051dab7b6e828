package io.symphainy.runtime.core.observability;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The event processors of this node with their lag behind the event store's head, for health checks and gauges.
 */
@Component
public class ProcessorStatuses {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;

    ProcessorStatuses(EventProcessingConfiguration processing, EventStore eventStore) {
        this.processing = processing;
        this.eventStore = eventStore;
    }

    /** Every processor, by name. */
    public List<ProcessorStatus> current() {
        TreeMap<String, EventProcessor> processors = new TreeMap<>(processing.eventProcessors());
        TreeMap<String, Collection<EventTrackerStatus>> segments = new TreeMap<>();
        processors.forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                segments.put(name, List.copyOf(streaming.processingStatus().values()));
            }
        });
        // The head is read after the positions, so that no position is ahead of it.
        Long head = headPosition();
        List<ProcessorStatus> statuses = new ArrayList<>();
        processors.forEach((name, processor) -> statuses.add(segments.containsKey(name)
                ? streaming(name, (StreamingEventProcessor) processor, segments.get(name), head)
                : new ProcessorStatus(name, false, processor.isRunning(), processor.isError(), 0, null, null)));
        return statuses;
    }

    /**
     * The position up to which the named streaming processor has handled the store (its lowest segment's); empty for
     * an unknown processor or one without a position yet.
     */
    public Optional<Long> position(String processorName) {
        return processing.eventProcessor(processorName, StreamingEventProcessor.class)
                .map(processor -> streaming(processorName, processor,
                        List.copyOf(processor.processingStatus().values()), null).position());
    }

    /** The global index of the newest event in the store, {@code null} while it is empty. */
    public Long headPosition() {
        TrackingToken token = eventStore.createHeadToken();
        OptionalLong position = token == null ? OptionalLong.empty() : token.position();
        return position.isPresent() ? position.getAsLong() : null;
    }

    private static ProcessorStatus streaming(String name, StreamingEventProcessor processor,
                                             Collection<EventTrackerStatus> segments, Long head) {
        boolean error = processor.isError() || segments.stream().anyMatch(EventTrackerStatus::isErrorState);
        Long position = null;
        for (EventTrackerStatus segment : segments) {
            OptionalLong current = segment.getCurrentPosition();
            if (current.isPresent() && (position == null || current.getAsLong() < position)) {
                position = current.getAsLong();
            }
        }
        Long lag = position == null || head == null ? null : Math.max(0, head - position);
        return new ProcessorStatus(name, true, processor.isRunning(), error, segments.size(), position, lag);
    }
}
