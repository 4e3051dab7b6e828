package io.symphainy.runtime.core.saga;

import static io.symphainy.runtime.core.TestData.ALLOWED;
import static io.symphainy.runtime.core.TestData.CAPABILITY;
import static io.symphainy.runtime.core.TestData.INTENT_ID;
import static io.symphainy.runtime.core.TestData.INTENT_TYPE;
import static io.symphainy.runtime.core.TestData.PAYLOAD_FINGERPRINT;
import static io.symphainy.runtime.core.TestData.REALM;
import static io.symphainy.runtime.core.TestData.SESSION_ID;
import static io.symphainy.runtime.core.TestData.TENANT;
import static io.symphainy.runtime.core.TestData.USER;
import static io.symphainy.runtime.core.TestData.validPayload;
import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.TestData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.saga.messages.SagaCompletedEvent;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.session.messages.SessionCreatedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExecutionRoutedSagaManagerTest {

    private static final List<Segment> FOUR_SEGMENTS = Segment.splitBalanced(Segment.ROOT_SEGMENT, 3);

    private CoordinatorAssociations<Object> associations;
    private ExecutionRoutedSagaManager<RecordingSaga> manager;

    @BeforeEach
    void newManager() {
        RecordingSaga.HANDLED.clear();
        associations = new CoordinatorAssociations<>(new InMemorySagaStore());
        AnnotatedSagaRepository<RecordingSaga> repository = AnnotatedSagaRepository.<RecordingSaga>builder()
                .sagaType(RecordingSaga.class).sagaStore(associations).build();
        manager = new ExecutionRoutedSagaManager<>(AnnotatedSagaManager.<RecordingSaga>builder()
                .sagaType(RecordingSaga.class).sagaRepository(repository), "executionId", associations);
    }

    @Test
    void offersEachEventOfAnExecutionToOneSegmentOnly() {
        assertThat(FOUR_SEGMENTS).hasSize(4);
        for (int i = 0; i < 200; i++) {
            ExecutionId execution = new ExecutionId(UUID.randomUUID());
            assertThat(segmentsOffered(accepted(execution))).hasSize(1)
                    .isEqualTo(segmentsOffered(stepStarted(execution)));
        }
    }

    @Test
    void everyEventOfAnExecutionReachesTheSagaItStartedExactlyOnce() throws Exception {
        List<ExecutionId> executions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            executions.add(new ExecutionId(UUID.randomUUID()));
        }
        for (ExecutionId execution : executions) {
            deliverToEverySegmentOffered(accepted(execution));
        }
        for (ExecutionId execution : executions) {
            deliverToEverySegmentOffered(stepStarted(execution));
        }

        List<String> expected = new ArrayList<>();
        executions.forEach(execution -> expected.add("accepted " + execution));
        executions.forEach(execution -> expected.add("step started " + execution));
        assertThat(RecordingSaga.HANDLED).containsExactlyElementsOf(expected);
    }

    @Test
    void offersAnEventOfNoExecutionToEverySegmentAsAxonDoes() {
        EventMessage<?> sessionEvent = GenericEventMessage.asEventMessage(TestData.sessionCreated(Map.of()));
        assertThat(segmentsOffered(sessionEvent)).containsExactlyElementsOf(FOUR_SEGMENTS);
    }

    @Test
    void offersEverythingItHandlesToASingleWholeSegment() {
        assertThat(manager.canHandle(accepted(new ExecutionId(UUID.randomUUID())), Segment.ROOT_SEGMENT)).isTrue();
    }

    @Test
    void keepsAnExecutionTheIntakeStartedAwayFromTheCoordinatorsAndRemembersItHasNone() {
        ExecutionId execution = new ExecutionId(UUID.randomUUID());
        EventMessage<?> startedAtIntake = accepted(execution).andMetaData(Map.of(MetaDataKeys.STARTED_AT_INTAKE,
                "true", MetaDataKeys.EXECUTION_ID, execution.toString()));

        assertThat(segmentsOffered(startedAtIntake)).isEmpty();
        assertThat(manager.canHandle(startedAtIntake, Segment.ROOT_SEGMENT)).isFalse();
        assertThat(associations.remembers(executionAssociation(execution))).isTrue();
    }

    @Test
    void forgetsAnExecutionWithoutCoordinatorOnceItsSagaCompletes() throws Exception {
        ExecutionId execution = new ExecutionId(UUID.randomUUID());
        manager.canHandle(accepted(execution).andMetaData(Map.of(MetaDataKeys.STARTED_AT_INTAKE, "true")),
                Segment.ROOT_SEGMENT);

        deliverToEverySegmentOffered(GenericEventMessage.asEventMessage(new SagaCompletedEvent(
                SagaId.forExecution(execution), execution, TENANT, Map.of())));

        assertThat(associations.remembers(executionAssociation(execution))).isFalse();
        assertThat(RecordingSaga.HANDLED).isEmpty();
    }

    @Test
    void handlesTheCompletionOfAnExecutionWithoutCoordinatorWithoutReadingItsPayload() throws Exception {
        ExecutionId execution = new ExecutionId(UUID.randomUUID());
        manager.canHandle(accepted(execution).andMetaData(Map.of(MetaDataKeys.STARTED_AT_INTAKE, "true")),
                Segment.ROOT_SEGMENT);
        EventMessage<?> unreadable = new GenericEventMessage<>(new SagaCompletedEvent(SagaId.forExecution(execution),
                execution, TENANT, Map.of()), Map.of(MetaDataKeys.EXECUTION_ID, execution.toString())) {
            @Override
            public SagaCompletedEvent getPayload() {
                throw new AssertionError("the payload was read");
            }
        };

        deliverTo(unreadable, Segment.ROOT_SEGMENT);

        assertThat(associations.remembers(executionAssociation(execution))).isFalse();
        assertThat(RecordingSaga.HANDLED).isEmpty();
    }

    @Test
    void forgetsWhatItRemembersWhenThisNodeReleasesASegment() {
        ExecutionId execution = new ExecutionId(UUID.randomUUID());
        associations.assumeNone(executionAssociation(execution));

        manager.segmentReleased(FOUR_SEGMENTS.get(2));

        assertThat(associations.remembers(executionAssociation(execution))).isFalse();
    }

    @Test
    void everyEventOfAnExecutionReachesItsSagaAfterTheSegmentIsSplit() throws Exception {
        List<ExecutionId> executions = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ExecutionId execution = new ExecutionId(UUID.randomUUID());
            executions.add(execution);
            deliverTo(accepted(execution), Segment.ROOT_SEGMENT);
        }
        for (ExecutionId execution : executions) {
            deliverToEverySegmentOffered(stepStarted(execution));
        }

        assertThat(RecordingSaga.HANDLED).filteredOn(handled -> handled.startsWith("step started"))
                .hasSize(executions.size());
    }

    @Test
    void forgetsWhatItRemembersWhenASegmentOfThisNodeIsSplit() {
        ExecutionId execution = new ExecutionId(UUID.randomUUID());
        manager.canHandle(accepted(execution), Segment.ROOT_SEGMENT);
        associations.assumeNone(executionAssociation(execution));

        manager.canHandle(accepted(execution), Segment.ROOT_SEGMENT.split()[0]);

        assertThat(associations.remembers(executionAssociation(execution))).isFalse();
    }

    private static AssociationValue executionAssociation(ExecutionId execution) {
        return new AssociationValue("executionId", execution.toString());
    }

    private List<Segment> segmentsOffered(EventMessage<?> event) {
        return FOUR_SEGMENTS.stream().filter(segment -> manager.canHandle(event, segment)).toList();
    }

    private void deliverToEverySegmentOffered(EventMessage<?> event) throws Exception {
        for (Segment segment : segmentsOffered(event)) {
            deliverTo(event, segment);
        }
    }

    private void deliverTo(EventMessage<?> event, Segment segment) throws Exception {
        DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
            manager.handle(event, segment);
            return null;
        });
    }

    private static EventMessage<?> accepted(ExecutionId execution) {
        return GenericEventMessage.asEventMessage(new IntentAcceptedEvent(execution, INTENT_ID, TENANT, USER,
                SESSION_ID, INTENT_TYPE, REALM, CAPABILITY, validPayload(), Map.of(), null, PAYLOAD_FINGERPRINT,
                ALLOWED));
    }

    private static EventMessage<?> stepStarted(ExecutionId execution) {
        return GenericEventMessage.asEventMessage(new StepStartedEvent(SagaId.forExecution(execution), execution,
                TENANT, 0, "reserve", 1));
    }

    /** A saga associated like the coordinator: started by execution id, then followed by saga id. */
    public static class RecordingSaga {

        static final List<String> HANDLED = new ArrayList<>();

        @StartSaga
        @SagaEventHandler(associationProperty = "executionId")
        public void on(IntentAcceptedEvent event) {
            SagaLifecycle.associateWith("sagaId", SagaId.forExecution(event.executionId()).toString());
            HANDLED.add("accepted " + event.executionId());
        }

        @SagaEventHandler(associationProperty = "sagaId")
        public void on(StepStartedEvent event) {
            HANDLED.add("step started " + event.executionId());
        }

        @SagaEventHandler(associationProperty = "executionId")
        public void on(SagaCompletedEvent event) {
            HANDLED.add("completed " + event.executionId());
        }

        /** A handler for an event that belongs to no execution. */
        @SagaEventHandler(associationProperty = "sessionId")
        public void on(SessionCreatedEvent event) {
            HANDLED.add("session " + event.sessionId());
        }
    }
}
