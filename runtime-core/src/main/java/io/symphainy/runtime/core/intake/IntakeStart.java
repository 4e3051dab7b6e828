package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.saga.Saga;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Starts an accepted execution and its saga in the intake's own transaction, when nothing stands between acceptance
 * and the first step (no approval to wait for, no resumption whose reused steps must be recorded first): the same
 * events the coordinator would record after reading the acceptance, without the wait for it. The first attempt goes to
 * the worker once the intake commits (unless it waits for a signal). Such an execution needs no coordinator unless it
 * leaves the happy path (a failure, a cancellation): the coordinator skips its acceptance.
 */
@Component
class IntakeStart {

    private final Repository<Saga> sagas;
    private final StepWorker worker;

    IntakeStart(@Qualifier("sagaRepository") Repository<Saga> sagas, StepWorker worker) {
        this.sagas = sagas;
        this.worker = worker;
    }

    /** Starts the created execution and its saga; called within the intake's unit of work. */
    void start(Aggregate<Execution> execution, IntentAcceptedEvent accepted, RegisteredCapability capability) {
        SagaId sagaId = SagaId.forExecution(accepted.executionId());
        execution.execute(created -> created.start(new StartExecutionCommand(accepted.executionId(),
                accepted.tenantId(), sagaId)));
        List<PlannedStep> plan = capability.planFor(accepted.payload());
        StartSagaCommand saga = new StartSagaCommand(sagaId, accepted.executionId(), accepted.tenantId(),
                accepted.sessionId(), capability.name(), plan, capability.definition().retryPolicy(), List.of(),
                capability.version());
        try {
            sagas.newInstance(() -> new Saga(saga));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the saga of execution " + accepted.executionId(), e);
        }
        if (!plan.isEmpty() && !plan.get(0).waitsForSignal()) {
            worker.runAfterCommit(new StepInvocation(sagaId, accepted.executionId(), accepted.tenantId(),
                    accepted.sessionId(), capability.name(), capability.version(), StepPhase.FORWARD, 0, 1), accepted);
        }
    }
}
