package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;

/**
 * Offers each event of an execution to the one processor segment that holds the execution's coordinator, and keeps
 * executions that never need one away from the coordinators altogether.
 *
 * <p>Axon's saga manager offers every saga event to every segment, and each segment looks up the event's associations
 * in its own transaction, then keeps only the sagas whose identifier falls in it: with four segments, four lookups,
 * four units of work and four token updates per event, three of them for nothing. A saga, however, is always created
 * in the segment of its initial association (the execution id) and given an identifier of that segment, and every
 * event of an execution names the execution. Offering it to that segment alone therefore reaches exactly the sagas the
 * other segments would have skipped. Events that belong to no execution are offered to every segment, as before.
 *
 * <p>An execution the intake started in its own transaction has no coordinator until an event leaves the happy path:
 * its acceptance is not offered at all, and the segment remembers that the execution has none, so that its events
 * find that out without a query, and its completion is not handled at all (its payload is not read); the memory is
 * dropped with the saga's completion.
 *
 * <p>Segments may be split while sagas run (a node joining, {@code SegmentBalancer}). A saga's identifier then may
 * fall in the other half than its execution, so an event routed to its execution's segment reaches every saga the
 * execution's associations name, whatever segment its identifier falls in; and a node forgets the associations it
 * remembers once one of its segments narrows, since the other half may now be changed by another node.
 *
 * @param <T> the saga type
 */
final class ExecutionRoutedSagaManager<T> extends AnnotatedSagaManager<T> {

    private final String executionAssociationKey;
    private final CoordinatorAssociations<?> associations;
    private final ThreadLocal<Boolean> routedByExecution = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private volatile int widestMaskSeen = -1;

    /**
     * @param builder                 Axon's builder, configured as for a plain {@link AnnotatedSagaManager}
     * @param executionAssociationKey the association key under which the saga is started with the execution id
     * @param associations            the coordinators' association memory, forgotten when a segment is released
     */
    ExecutionRoutedSagaManager(Builder<T> builder, String executionAssociationKey,
                               CoordinatorAssociations<?> associations) {
        super(builder);
        this.executionAssociationKey = executionAssociationKey;
        this.associations = associations;
    }

    @Override
    public void segmentReleased(Segment segment) {
        super.segmentReleased(segment);
        associations.forgetAll();
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        forgetOnceSplit(segment);
        if (startedAtIntake(event)) {
            executionOf(event).ifPresent(execution -> associations.assumeNone(association(execution)));
            return false;
        }
        return super.canHandle(event, segment) && inSegmentOfItsExecution(event, segment);
    }

    @Override
    public void handle(EventMessage<?> event, Segment segment) throws Exception {
        Optional<String> completed = SagaCompletedEvent.class.equals(event.getPayloadType())
                ? executionOf(event) : Optional.empty();
        if (completed.isPresent() && associations.remembersNone(association(completed.get()))) {
            // Its execution has no coordinator: nothing would handle the event, so its payload is not even read.
            associations.forgetNone(association(completed.get()));
            return;
        }
        routedByExecution.set(segment.getMask() != 0 && executionOf(event).isPresent());
        try {
            super.handle(event, segment);
        } finally {
            routedByExecution.remove();
        }
        completed.ifPresent(execution -> associations.forgetNone(association(execution)));
    }

    /** An execution's event reaches its sagas in its execution's segment, split or not since they were created. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        return routedByExecution.get() || super.matchesSegment(segment, sagaId);
    }

    private void forgetOnceSplit(Segment segment) {
        if (segment.getMask() > widestMaskSeen) {
            synchronized (this) {
                if (segment.getMask() > widestMaskSeen) {
                    if (widestMaskSeen >= 0) {
                        associations.forgetAll();
                    }
                    widestMaskSeen = segment.getMask();
                }
            }
        }
    }

    private static boolean startedAtIntake(EventMessage<?> event) {
        return IntentAcceptedEvent.class.equals(event.getPayloadType())
                && "true".equals(String.valueOf(event.getMetaData().get(MetaDataKeys.STARTED_AT_INTAKE)));
    }

    private boolean inSegmentOfItsExecution(EventMessage<?> event, Segment segment) {
        if (segment.getMask() == 0) {
            return true;
        }
        return executionOf(event).map(execution -> segment.matches(association(execution))).orElse(true);
    }

    /** The execution an event belongs to, from its metadata where it names one (no payload is read for that). */
    private static Optional<String> executionOf(EventMessage<?> event) {
        if (!ExecutionScoped.class.isAssignableFrom(event.getPayloadType())) {
            return Optional.empty();
        }
        Object named = event.getMetaData().get(MetaDataKeys.EXECUTION_ID);
        if (named != null) {
            return Optional.of(named.toString());
        }
        ExecutionScoped scoped = (ExecutionScoped) event.getPayload();
        return Optional.ofNullable(scoped.executionId()).map(Object::toString);
    }

    private AssociationValue association(String executionId) {
        return new AssociationValue(executionAssociationKey, executionId);
    }
}
