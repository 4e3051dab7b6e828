package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.saga.Saga;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolver;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * Folds recorded events into fresh, detached aggregates with their own event-sourcing handlers, exactly as a
 * repository rebuilds them, but without a repository, a lock or a unit of work: nothing is published or stored.
 */
final class AggregateFolds {

    /** Resolves a parameter no other resolver does, a service a command handler takes, which a fold never calls. */
    private static final ParameterResolver<Object> UNUSED_IN_A_FOLD = new ParameterResolver<>() {
        @Override
        public Object resolveParameterValue(Message<?> message) {
            return null;
        }

        @Override
        public boolean matches(Message<?> message) {
            return true;
        }
    };

    private static final AggregateModel<Execution> EXECUTION = modelOf(Execution.class,
            ClasspathParameterResolverFactory.forClass(Execution.class));
    private static final AggregateModel<Saga> SAGA = modelOf(Saga.class,
            ClasspathParameterResolverFactory.forClass(Saga.class));

    private AggregateFolds() {
    }

    /**
     * The aggregate's model with the given parameter resolvers, and after them one for the services its command
     * handlers take (the application's Spring beans, which a fold has none of and never needs).
     */
    static <T> AggregateModel<T> modelOf(Class<T> aggregateType, ParameterResolverFactory resolvers) {
        return AnnotatedAggregateMetaModelFactory.inspectAggregate(aggregateType,
                new MultiParameterResolverFactory(resolvers, (executable, parameters, index) -> UNUSED_IN_A_FOLD));
    }

    /** The execution the events describe; null when there are none. */
    static Execution execution(List<DomainEventMessage<?>> events) {
        return fold(EXECUTION, events);
    }

    /** The saga the events describe; null when there are none. */
    static Saga saga(List<DomainEventMessage<?>> events) {
        return fold(SAGA, events);
    }

    private static <T> T fold(AggregateModel<T> model, List<DomainEventMessage<?>> events) {
        if (events.isEmpty()) {
            return null;
        }
        DomainEventMessage<?> first = events.get(0);
        T root = new GenericAggregateFactory<>(model).createAggregateRoot(first.getAggregateIdentifier(), first);
        EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(root, model, null,
                NoSnapshotTriggerDefinition.TRIGGER);
        aggregate.initializeState(DomainEventStream.of(events));
        return aggregate.getAggregateRoot();
    }
}
