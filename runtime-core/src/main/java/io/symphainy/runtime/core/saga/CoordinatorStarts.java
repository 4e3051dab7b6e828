package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.execution.messages.FailExecutionCommand;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.SagaLifecycle;

/**
 * The work a {@link SagaCoordinator} hands on: starting a held or resumed execution and its saga, and giving the
 * worker each attempt the coordinator's commands started, once they commit.
 */
final class CoordinatorStarts {

    private CoordinatorStarts() {
    }

    /**
     * Starts the execution and its saga with the plan the coordinator fixed at acceptance (its wait steps' signals read
     * from the intent's payload); the saga's first attempt goes to the worker once this commits, with the
     * accepted intent when the caller holds it (else the worker reads the context from the event store). When the
     * capability's version is not registered on this node, the execution fails instead and the coordinator ends.
     */
    static void start(CoordinatorState coordinator, IntentAcceptedEvent intent, CommandGateway commands,
                      Curator curator, StepWorker worker) {
        CoordinatedExecution execution = coordinator.coordinated();
        String capability = coordinator.capability;
        List<ReusedStep> reusedSteps = coordinator.reusedSteps;
        String version = CapabilityVersions.orDefault(coordinator.capabilityVersion);
        Optional<RegisteredCapability> registered = curator.named(capability, version);
        if (registered.isEmpty()) {
            commands.sendAndWait(new FailExecutionCommand(execution.executionId(), execution.tenantId(), null,
                    StepFailureCodes.STEP_UNAVAILABLE, "capability '" + capability + "' version " + version
                    + " is not registered on the node that started it"));
            SagaLifecycle.end();
            return;
        }
        commands.sendAndWait(new StartExecutionCommand(execution.executionId(), execution.tenantId(),
                execution.sagaId()));
        List<PlannedStep> plan = coordinator.plannedSteps != null ? coordinator.plannedSteps
                : registered.get().planFor(intent == null ? Map.of() : intent.payload());
        commands.sendAndWait(new StartSagaCommand(execution.sagaId(), execution.executionId(), execution.tenantId(),
                execution.sessionId(), capability, plan, registered.get().definition().retryPolicy(), reusedSteps,
                version));
        int first = reusedSteps.size();
        if (first < plan.size() && !plan.get(first).waitsForSignal()) {
            StepInvocation invocation = execution.invocation(capability, version, StepPhase.FORWARD, first, 1);
            if (intent != null && reusedSteps.isEmpty()) {
                worker.runAfterCommit(invocation, intent);
            } else {
                worker.runAfterCommit(invocation);
            }
        }
    }

    /** Gives the worker the attempt a command started, if it started one (its answer may be anything else). */
    static void runNext(CoordinatedExecution execution, Object answer, StepWorker worker) {
        if (answer instanceof NextAttempt started) {
            worker.runAfterCommit(execution.invocation(started));
        }
    }
}
