package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.saga.SagaCoordinator;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Whether this node runs every segment of the saga coordinator's processor. Only then can no other node's
 * coordinator hand the same attempt to its own worker, so only then may this node's worker take an attempt over.
 */
class CoordinatorSegments {

    private final EventProcessingConfiguration processing;

    CoordinatorSegments(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /** True when the claimed segments of the running coordinator cover the whole event stream. */
    boolean allHere() {
        return processing.eventProcessor(SagaCoordinator.PROCESSING_GROUP, StreamingEventProcessor.class)
                .filter(StreamingEventProcessor::isRunning)
                .map(processor -> covered(processor.processingStatus()))
                .orElse(false);
    }

    /** Whether the given claimed segments, none in error, add up to the whole stream. */
    static boolean covered(Map<Integer, EventTrackerStatus> statuses) {
        double share = 0;
        for (EventTrackerStatus status : statuses.values()) {
            if (status.isErrorState()) {
                return false;
            }
            share += 1.0 / (status.getSegment().getMask() + 1L);
        }
        return share > 0.999_999;
    }
}
