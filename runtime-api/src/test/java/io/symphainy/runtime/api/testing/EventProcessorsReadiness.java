package io.symphainy.runtime.api.testing;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Whether a freshly started runtime is ready for end-to-end tests: every event processor runs, and every streaming
 * one has claimed all of its segments and caught up.
 */
public final class EventProcessorsReadiness {

    private static final double WHOLE = 1.0;
    private static final double TOLERANCE = 1e-9;

    private EventProcessorsReadiness() {
    }

    /** True once every processor runs and every streaming processor covers the whole stream, caught up. */
    public static boolean allCaughtUp(EventProcessingConfiguration processing) {
        return processing.eventProcessors().values().stream().allMatch(EventProcessorsReadiness::caughtUp);
    }

    private static boolean caughtUp(EventProcessor processor) {
        if (!processor.isRunning()) {
            return false;
        }
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return true;
        }
        double coverage = 0;
        for (EventTrackerStatus status : streaming.processingStatus().values()) {
            if (!status.isCaughtUp() || status.isErrorState()) {
                return false;
            }
            coverage += WHOLE / (status.getSegment().getMask() + 1);
        }
        return Math.abs(coverage - WHOLE) <= TOLERANCE;
    }
}
