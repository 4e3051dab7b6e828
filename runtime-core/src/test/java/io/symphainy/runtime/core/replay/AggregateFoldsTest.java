package io.symphainy.runtime.core.replay;

import static io.symphainy.runtime.core.TestData.EXECUTION_ID;
import static io.symphainy.runtime.core.TestData.SAGA_ID;
import static io.symphainy.runtime.core.TestData.executionStarted;
import static io.symphainy.runtime.core.TestData.intentAccepted;
import static io.symphainy.runtime.core.TestData.sagaStarted;
import static io.symphainy.runtime.core.TestData.stepStarted;
import static io.symphainy.runtime.core.TestData.stepSucceeded;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.saga.Saga;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.junit.jupiter.api.Test;

/** Folding recorded events with the aggregates' own event-sourcing handlers. */
class AggregateFoldsTest {

    @Test
    void foldsAnExecutionWithItsOwnHandlers() {
        ExecutionSnapshot execution = AggregateFolds.execution(events("Execution", EXECUTION_ID.toString(),
                intentAccepted(), executionStarted())).snapshot();

        assertThat(execution.executionId()).isEqualTo(EXECUTION_ID);
        assertThat(execution.status()).isEqualTo(ExecutionStatus.RUNNING);
        assertThat(execution.resultReferences()).isEmpty();
    }

    /**
     * The shipped runtime has no test fixture's resolver, which resolves any parameter: without it, a service a
     * command handler of the execution takes (the curator) must still not keep its model from being built.
     */
    @Test
    void buildsTheModelsWithTheResolversTheShippedRuntimeHasWithoutTestFixtures() {
        ParameterResolverFactory shipped = MultiParameterResolverFactory.ordered(
                ServiceLoader.load(ParameterResolverFactory.class).stream().map(ServiceLoader.Provider::get)
                        .filter(factory -> !factory.getClass().getPackageName().startsWith("org.axonframework.test"))
                        .toList());

        AggregateModel<Execution> execution = AggregateFolds.modelOf(Execution.class, shipped);
        AggregateModel<Saga> saga = AggregateFolds.modelOf(Saga.class, shipped);

        assertThat(execution.entityClass()).isEqualTo(Execution.class);
        assertThat(saga.entityClass()).isEqualTo(Saga.class);
    }

    @Test
    void foldsASagaIntoEachStepsStatusAndAttempts() {
        SagaSnapshot saga = AggregateFolds.saga(events("Saga", SAGA_ID.toString(), sagaStarted(),
                stepStarted(0, 1), stepSucceeded(0, 1), stepStarted(1, 1))).snapshot();

        assertThat(saga.finished()).isFalse();
        assertThat(saga.steps()).extracting(step -> step.status()).startsWith("succeeded", "running");
        assertThat(saga.steps().get(0).attempts()).isEqualTo(1);
        assertThat(saga.steps().get(saga.steps().size() - 1).status()).isIn("pending", "running");
    }

    @Test
    void nothingToFoldIsNoAggregate() {
        assertThat(AggregateFolds.execution(List.of())).isNull();
    }

    private static List<DomainEventMessage<?>> events(String type, String id, Object... payloads) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(new GenericDomainEventMessage<>(type, id, events.size(), payload));
        }
        return events;
    }
}
