package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.execution.messages.AwaitCapabilityVersionToStartCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.StartSagaCommand;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The work a {@link SagaCoordinator} hands on: starting a held or resumed execution and its saga (or recording that it
 * waits for a node with its capability version), and giving the worker each attempt the coordinator's commands
 * started, once they commit. {@link AwaitedStarts} starts a waiting execution the same way.
 */
final class CoordinatorStarts {

    private CoordinatorStarts() {
    }

    /**
     * Starts the execution and its saga with the plan the coordinator fixed at acceptance (its wait steps' signals read
     * from the intent's payload), or else the plan of the payload the execution hands over; the saga's first attempt
     * goes to the worker once this commits, with the accepted intent when the caller holds it (else the worker reads
     * the context from the event store). When the capability's version is not registered on this node, the execution
     * waits for a node that has it instead, not started, and the coordinator remembers that it has no saga yet.
     */
    static void start(CoordinatorState coordinator, IntentAcceptedEvent intent, CommandGateway commands,
                      Curator curator, StepWorker worker) {
        CoordinatedExecution execution = coordinator.coordinated();
        String version = CapabilityVersions.orDefault(coordinator.capabilityVersion);
        Optional<RegisteredCapability> registered = curator.named(coordinator.capability, version);
        if (registered.isEmpty()) {
            commands.sendAndWait(new AwaitCapabilityVersionToStartCommand(execution.executionId(),
                    execution.tenantId(), waitReason(coordinator.capability, version)));
            coordinator.awaitingVersion = true;
            return;
        }
        ExecutionHandover handover = commands.sendAndWait(new StartExecutionCommand(execution.executionId(),
                execution.tenantId(), execution.sagaId()));
        Map<String, Object> payload = intent != null ? intent.payload()
                : handover != null ? handover.payload() : Map.of();
        List<PlannedStep> plan = coordinator.plannedSteps != null ? coordinator.plannedSteps
                : registered.get().planFor(payload);
        openSaga(execution, registered.get(), plan, coordinator.reusedSteps,
                handover == null ? List.of() : handover.keptSignals(), intent, commands::sendAndWait, worker);
    }

    /**
     * Starts the saga of an execution that has just started, with the signals it kept; its first step that neither
     * is reused nor completes with a kept signal goes to the worker once this commits, unless it waits for a signal.
     *
     * @param send sends a command within the caller's unit of work and answers its result
     */
    static void openSaga(CoordinatedExecution execution, RegisteredCapability registered, List<PlannedStep> plan,
                         List<ReusedStep> reusedSteps, List<KeptSignal> keptSignals, IntentAcceptedEvent intent,
                         Function<Object, Object> send, StepWorker worker) {
        send.apply(new StartSagaCommand(execution.sagaId(), execution.executionId(), execution.tenantId(),
                execution.sessionId(), registered.name(), plan, registered.definition().retryPolicy(), reusedSteps,
                registered.version(), keptSignals));
        int first = SagaOpening.firstOpenStep(plan, reusedSteps.size(), keptSignals);
        if (first < plan.size() && !plan.get(first).waitsForSignal()) {
            StepInvocation invocation = execution.invocation(registered.name(), registered.version(),
                    StepPhase.FORWARD, first, 1);
            if (intent != null && first == 0) {
                worker.runAfterCommit(invocation, intent);
            } else {
                worker.runAfterCommit(invocation);
            }
        }
    }

    /** Why an execution waits, not started, as its status shows it. */
    static String waitReason(String capability, String version) {
        return "capability " + capability + " version " + version + " is not registered on any node that saw it";
    }

    /** Gives the worker the attempt a command started, if it started one (its answer may be anything else). */
    static void runNext(CoordinatedExecution execution, Object answer, StepWorker worker) {
        if (answer instanceof NextAttempt started) {
            worker.runAfterCommit(execution.invocation(started));
        }
    }
}
