package io.symphainy.runtime.core.saga;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.repository.SagaStore;

/**
 * The coordinators' saga store, remembering which sagas each association value names, so that an event of a running
 * execution finds its coordinator without a query. Everything else goes to the store it wraps.
 *
 * <p>The memory stays true to the store because only one node changes the associations of a given execution's
 * coordinator: the node whose processor holds that execution's segment ({@link ExecutionRoutedSagaManager}), since
 * associations change only in event handlers. A change is applied to the memory as it is made and forgotten again if
 * its unit of work rolls back; when the node releases a segment, it forgets everything, so a segment it claims later
 * is read from the store afresh. A new coordinator's values (its execution id and saga id) name no other saga, so
 * inserting it makes them known without a query. Bounded: the least recently used values go first and are read again
 * when needed.
 *
 * @param <T> the saga type
 */
final class CoordinatorAssociations<T> implements SagaStore<T> {

    static final int REMEMBERED_VALUES = 20_000;

    private final SagaStore<T> store;
    private final Map<AssociationValue, Set<String>> sagasByValue = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<AssociationValue, Set<String>> eldest) {
                    return size() > REMEMBERED_VALUES;
                }
            });

    CoordinatorAssociations(SagaStore<T> store) {
        this.store = store;
    }

    @Override
    public Set<String> findSagas(Class<? extends T> sagaType, AssociationValue associationValue) {
        Set<String> known = sagasByValue.get(associationValue);
        if (known != null) {
            synchronized (known) {
                return Set.copyOf(known);
            }
        }
        Set<String> stored = store.findSagas(sagaType, associationValue);
        sagasByValue.putIfAbsent(associationValue, new TreeSet<>(stored));
        return stored;
    }

    @Override
    public <S extends T> Entry<S> loadSaga(Class<S> sagaType, String sagaIdentifier) {
        return store.loadSaga(sagaType, sagaIdentifier);
    }

    @Override
    public void insertSaga(Class<? extends T> sagaType, String sagaIdentifier, T saga,
                           Set<AssociationValue> associationValues) {
        store.insertSaga(sagaType, sagaIdentifier, saga, associationValues);
        associationValues.forEach(value -> {
            remember(value, sagaIdentifier);
            sagasByValue.putIfAbsent(value, new TreeSet<>(Set.of(sagaIdentifier)));
        });
        forgetOnRollback(associationValues);
    }

    @Override
    public void updateSaga(Class<? extends T> sagaType, String sagaIdentifier, T saga,
                           AssociationValues associationValues) {
        store.updateSaga(sagaType, sagaIdentifier, saga, associationValues);
        associationValues.addedAssociations().forEach(value -> remember(value, sagaIdentifier));
        associationValues.removedAssociations().forEach(value -> forget(value, sagaIdentifier));
        forgetOnRollback(associationValues.addedAssociations());
        forgetOnRollback(associationValues.removedAssociations());
    }

    @Override
    public void deleteSaga(Class<? extends T> sagaType, String sagaIdentifier,
                           Set<AssociationValue> associationValues) {
        store.deleteSaga(sagaType, sagaIdentifier, associationValues);
        associationValues.forEach(value -> forget(value, sagaIdentifier));
        forgetOnRollback(associationValues);
    }

    /**
     * Remembers that no coordinator has the value: for an execution this segment saw accepted and started at intake,
     * whose coordinator would only ever be created here.
     */
    void assumeNone(AssociationValue associationValue) {
        sagasByValue.putIfAbsent(associationValue, new TreeSet<>());
    }

    /** Drops what is remembered of the value, if no coordinator has it: its execution is over. */
    void forgetNone(AssociationValue associationValue) {
        sagasByValue.computeIfPresent(associationValue, (value, sagas) -> {
            synchronized (sagas) {
                return sagas.isEmpty() ? null : sagas;
            }
        });
    }

    /** Forgets every association: this node may no longer be the only one changing them. */
    void forgetAll() {
        sagasByValue.clear();
    }

    /** Whether no coordinator is remembered to have the value (false when nothing is remembered of it). */
    boolean remembersNone(AssociationValue associationValue) {
        Set<String> known = sagasByValue.get(associationValue);
        if (known == null) {
            return false;
        }
        synchronized (known) {
            return known.isEmpty();
        }
    }

    /** Whether the value's sagas are remembered. */
    boolean remembers(AssociationValue associationValue) {
        return sagasByValue.containsKey(associationValue);
    }

    private void remember(AssociationValue value, String sagaIdentifier) {
        Set<String> known = sagasByValue.get(value);
        if (known != null) {
            synchronized (known) {
                known.add(sagaIdentifier);
            }
        }
    }

    private void forget(AssociationValue value, String sagaIdentifier) {
        Set<String> known = sagasByValue.get(value);
        if (known != null) {
            synchronized (known) {
                known.remove(sagaIdentifier);
            }
        }
    }

    /** A change that is rolled back leaves the memory of its values unknown: they are read from the store again. */
    private void forgetOnRollback(Set<AssociationValue> values) {
        if (values.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        Set<AssociationValue> changed = Set.copyOf(values);
        CurrentUnitOfWork.get().root().onRollback(rolledBack -> changed.forEach(sagasByValue::remove));
    }
}
