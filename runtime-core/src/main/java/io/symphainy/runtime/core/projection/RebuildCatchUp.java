package io.symphainy.runtime.core.projection;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where a rebuild stands against the live feed of its read model: the shared processor's position for a read model it
 * keeps, the store's head for one written in the recording transaction ({@link ProjectionRebuilds} hands a rebuild
 * back once it has caught up).
 */
@Component
class RebuildCatchUp {

    private final ObjectProvider<Configuration> axon;
    private final RebuildMarkers markers;

    RebuildCatchUp(ObjectProvider<Configuration> axon, RebuildMarkers markers) {
        this.axon = axon;
        this.markers = markers;
    }

    /**
     * Whether the rebuild has reached the live feed's position, seen without holding it: only then is the live feed
     * held, and only for the moment the rebuild needs to handle what was committed meanwhile.
     */
    boolean caughtUp(ReadModel readModel, TrackingEventProcessor rebuild) {
        long live = readModel.feed() == ReadModel.Feed.TRACKING
                ? positionOf(tokenOf(sharedProcessor())).orElse(-1L)
                : headPosition();
        return live < 0 || positionOf(tokenOf(rebuild)).orElse(-1L) >= live;
    }

    /**
     * With the live feed held: whether the rebuild has reached where the read model would carry on live. For the
     * shared processor that is its position; for the in-transaction processor the head of the store as it is now (no
     * transaction of this node can commit meanwhile), with every event below it that is committed handled too.
     */
    BooleanSupplier reachedLive(ReadModel readModel, TrackingEventProcessor rebuild) {
        if (readModel.feed() == ReadModel.Feed.TRACKING) {
            TrackingToken target = tokenOf(sharedProcessor());
            return () -> covers(tokenOf(rebuild), target);
        }
        long head = headPosition();
        return () -> handledEverythingCommittedUpTo(tokenOf(rebuild), head);
    }

    /** The shared tracking processor, the live feed of every read model that is not written in transaction. */
    TrackingEventProcessor sharedProcessor() {
        return axon.getObject().eventProcessingConfiguration()
                .eventProcessor(ReadModelProcessor.NAME, TrackingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no " + ReadModelProcessor.NAME + " processor"));
    }

    /** The token of the processor's only segment, or null while it holds none. */
    static TrackingToken tokenOf(TrackingEventProcessor processor) {
        EventTrackerStatus status = processor.processingStatus().get(0);
        return status == null ? null : status.getTrackingToken();
    }

    static Optional<Long> positionOf(TrackingToken token) {
        return token == null || token.position().isEmpty() ? Optional.empty()
                : Optional.of(token.position().getAsLong());
    }

    /** Whether the token reached the position and no event committed at or below it is among its gaps. */
    private boolean handledEverythingCommittedUpTo(TrackingToken rebuilt, long head) {
        if (head < 0) {
            return true;
        }
        if (positionOf(rebuilt).orElse(-1L) < head) {
            return false;
        }
        if (!(rebuilt instanceof GapAwareTrackingToken gapAware) || gapAware.getGaps().isEmpty()) {
            return true;
        }
        return markers.committedAmong(gapAware.getGaps().headSet(head + 1)) == 0;
    }

    private long headPosition() {
        return positionOf(axon.getObject().eventStore().createHeadToken()).orElse(-1L);
    }

    private static boolean covers(TrackingToken rebuilt, TrackingToken target) {
        return target == null || (rebuilt != null && rebuilt.covers(target));
    }
}
