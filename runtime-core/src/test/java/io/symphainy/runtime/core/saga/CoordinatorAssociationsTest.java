package io.symphainy.runtime.core.saga;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

class CoordinatorAssociationsTest {

    private static final AssociationValue EXECUTION = new AssociationValue("executionId", "e-1");
    private static final AssociationValue SAGA = new AssociationValue("sagaId", "s-1");

    private final AtomicInteger storeLookups = new AtomicInteger();
    private final InMemorySagaStore store = new InMemorySagaStore() {
        @Override
        public Set<String> findSagas(Class<?> sagaType, AssociationValue associationValue) {
            storeLookups.incrementAndGet();
            return super.findSagas(sagaType, associationValue);
        }
    };
    private final CoordinatorAssociations<Object> associations = new CoordinatorAssociations<>(store);

    @Test
    void findsANewCoordinatorByEitherOfItsValuesWithoutAskingTheStore() {
        associations.insertSaga(Object.class, "coordinator-1", new Object(), Set.of(EXECUTION, SAGA));

        assertThat(associations.findSagas(Object.class, EXECUTION)).containsExactly("coordinator-1");
        assertThat(associations.findSagas(Object.class, SAGA)).containsExactly("coordinator-1");
        assertThat(storeLookups).hasValue(0);
    }

    @Test
    void asksTheStoreOnceForAValueItDoesNotKnowEvenWhenNothingIsFound() {
        assertThat(associations.findSagas(Object.class, EXECUTION)).isEmpty();
        assertThat(associations.findSagas(Object.class, EXECUTION)).isEmpty();
        assertThat(storeLookups).hasValue(1);

        associations.insertSaga(Object.class, "coordinator-1", new Object(), Set.of(EXECUTION));

        assertThat(associations.findSagas(Object.class, EXECUTION)).containsExactly("coordinator-1");
        assertThat(storeLookups).hasValue(1);
    }

    @Test
    void followsAddedAndRemovedValuesAndAnEndedCoordinator() {
        associations.insertSaga(Object.class, "coordinator-1", new Object(), Set.of(EXECUTION));
        AssociationValuesImpl values = new AssociationValuesImpl(Set.of(EXECUTION));
        values.add(SAGA);
        values.remove(EXECUTION);

        associations.updateSaga(Object.class, "coordinator-1", new Object(), values);

        assertThat(associations.findSagas(Object.class, EXECUTION)).isEmpty();
        assertThat(associations.findSagas(Object.class, SAGA)).containsExactly("coordinator-1");
        associations.deleteSaga(Object.class, "coordinator-1", Set.of(SAGA));
        assertThat(associations.findSagas(Object.class, SAGA)).isEmpty();
        assertThat(store.findSagas(Object.class, SAGA)).isEmpty();
    }

    @Test
    void forgetsWhatARolledBackUnitOfWorkChangedAndReadsItFromTheStoreAgain() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        associations.insertSaga(Object.class, "coordinator-1", new Object(), Set.of(EXECUTION));
        store.deleteSaga(Object.class, "coordinator-1", Set.of(EXECUTION));
        unitOfWork.rollback();

        assertThat(associations.remembers(EXECUTION)).isFalse();
        assertThat(associations.findSagas(Object.class, EXECUTION)).isEmpty();
        assertThat(storeLookups).hasValue(1);
    }

    @Test
    void forgetsEverythingWhenTheNodeReleasesASegment() {
        associations.insertSaga(Object.class, "coordinator-1", new Object(), Set.of(EXECUTION));

        associations.forgetAll();

        assertThat(associations.remembers(EXECUTION)).isFalse();
        assertThat(associations.findSagas(Object.class, EXECUTION)).containsExactly("coordinator-1");
        assertThat(storeLookups).hasValue(1);
    }
}
