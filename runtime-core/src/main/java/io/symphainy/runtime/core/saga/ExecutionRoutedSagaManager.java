package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;

/**
 * Offers each event of an execution to the one processor segment that holds the execution's sagas.
 *
 * <p>Axon's saga manager offers every saga event to every segment, and each segment looks up the event's associations
 * in its own transaction, then keeps only the sagas whose identifier falls in it: with four segments, four lookups,
 * four units of work and four token updates per event, three of them for nothing. A saga, however, is always created
 * in the segment of its initial association (for the coordinator the execution id) and given an identifier of that
 * segment, and every event of an execution names the execution. Offering it to that segment alone therefore reaches
 * exactly the sagas the other segments would have skipped. Events that belong to no execution are offered to every
 * segment, as before.
 *
 * @param <T> the saga type
 */
final class ExecutionRoutedSagaManager<T> extends AnnotatedSagaManager<T> {

    private final String executionAssociationKey;
    private final Runnable onSegmentReleased;

    /**
     * @param builder                 Axon's builder, configured as for a plain {@link AnnotatedSagaManager}
     * @param executionAssociationKey the association key under which the saga is started with the execution id
     * @param onSegmentReleased       what to do when this node stops processing a segment
     */
    ExecutionRoutedSagaManager(Builder<T> builder, String executionAssociationKey, Runnable onSegmentReleased) {
        super(builder);
        this.executionAssociationKey = executionAssociationKey;
        this.onSegmentReleased = onSegmentReleased;
    }

    @Override
    public void segmentReleased(Segment segment) {
        super.segmentReleased(segment);
        onSegmentReleased.run();
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return super.canHandle(event, segment) && inSegmentOfItsExecution(event, segment);
    }

    private boolean inSegmentOfItsExecution(EventMessage<?> event, Segment segment) {
        if (segment.getMask() == 0 || !(event.getPayload() instanceof ExecutionScoped scoped)
                || scoped.executionId() == null) {
            return true;
        }
        return segment.matches(new AssociationValue(executionAssociationKey, scoped.executionId().toString()));
    }
}
