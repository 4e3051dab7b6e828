package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This node's record of the attempts its worker took over without waiting for the coordinator (claimed before the
 * start that names them commits) and of the attempts whose outcome it recorded. The coordinator asks it before it
 * hands an attempt to the worker, so no attempt runs twice here, and before it schedules an attempt's loss
 * deadline, which an attempt whose outcome is already recorded does not need. It also records the executions the
 * worker closed when their saga completed, which the coordinator then need not close. Bounded: the oldest entries go
 * first, long after the coordinator has read their events.
 */
final class StepHandOffs {

    static final int CAPACITY = 10_000;

    private enum State { CLAIMED, RECORDED }

    private record Key(SagaId sagaId, StepPhase phase, int stepIndex, int attempt) {
        static Key of(StepInvocation invocation) {
            return new Key(invocation.sagaId(), invocation.phase(), invocation.stepIndex(), invocation.attempt());
        }
    }

    private final Map<Key, State> states = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, State> eldest) {
            return size() > CAPACITY;
        }
    };
    private final Map<ExecutionId, Boolean> closed = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ExecutionId, Boolean> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Takes the attempt over for this node's worker; false when it was claimed or recorded already. */
    synchronized boolean claim(StepInvocation invocation) {
        return states.putIfAbsent(Key.of(invocation), State.CLAIMED) == null;
    }

    /** Gives back a claim whose attempt was not started after all. */
    synchronized void release(StepInvocation invocation) {
        states.remove(Key.of(invocation), State.CLAIMED);
    }

    /** The attempt's outcome is committed in the event store. */
    synchronized void recorded(StepInvocation invocation) {
        states.put(Key.of(invocation), State.RECORDED);
    }

    /** Whether this node's worker took the attempt over, or already recorded its outcome. */
    synchronized boolean takenOver(StepInvocation invocation) {
        return states.containsKey(Key.of(invocation));
    }

    /** The execution's completion and its leaving the session are committed: this node's worker closed it. */
    synchronized void closed(ExecutionId executionId) {
        closed.put(executionId, Boolean.TRUE);
    }

    /** Whether this node's worker closed the execution, so that the coordinator need not. */
    synchronized boolean isClosed(ExecutionId executionId) {
        return closed.containsKey(executionId);
    }

    /** Whether the attempt's outcome is committed, as far as this node knows. */
    synchronized boolean isRecorded(StepInvocation invocation) {
        return states.get(Key.of(invocation)) == State.RECORDED;
    }
}
