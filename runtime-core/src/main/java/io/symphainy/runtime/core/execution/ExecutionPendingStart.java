package io.symphainy.runtime.core.execution;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.execution.messages.AwaitCapabilityVersionToStartCommand;
import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.ExecutionResumedFromEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionStartedEvent;
import io.symphainy.runtime.core.execution.messages.IntentAcceptedEvent;
import io.symphainy.runtime.core.execution.messages.KeepSignalCommand;
import io.symphainy.runtime.core.execution.messages.TakeOverAwaitedStartCommand;
import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.SignalOutcome;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

/**
 * What an {@link Execution} keeps until its saga starts: the intent's payload and capability version (which fix the
 * plan and the signals its wait steps wait for), the steps a resumption reuses, the signals kept meanwhile for wait
 * steps (with the first outcome of each idempotency key), and a wait for a node that has its capability version. The
 * start hands it all to the saga ({@link ExecutionHandover}); from then on the saga holds the signals.
 */
final class ExecutionPendingStart {

    private final Execution execution;
    private String capability;
    private String capabilityVersion;
    private Map<String, Object> payload;
    private List<ReusedStep> reusedSteps = List.of();
    private final List<KeptSignal> kept = new ArrayList<>();
    private final Map<String, SignalReceipt> receipts = new HashMap<>();
    private boolean awaitingVersion;

    ExecutionPendingStart(Execution execution) {
        this.execution = execution;
    }

    /**
     * Keeps a signal for the wait step that will receive it once the saga starts; answers {@code null} when the
     * execution has started, so that its saga takes the signal. Refuses a finished execution, a name no step waits
     * for (or whose steps hold kept signals already) and a payload the step's schema refuses, recording nothing.
     */
    @CommandHandler
    SignalReceipt handle(KeepSignalCommand command, Curator curator) {
        execution.requireOwner(command.tenantId());
        SignalReceipt first = command.idempotencyKey() == null ? null : receipts.get(command.idempotencyKey());
        if (first != null) {
            return first;
        }
        ExecutionRules.requireNotFinished(execution.status(), execution.id());
        if (!ExecutionRules.keepsSignalsForItsSaga(execution.status())) {
            return null;
        }
        RegisteredCapability registered = curator.named(capability, capabilityVersion).orElseThrow(() ->
                new RuleViolationException(RuleViolationCode.UNKNOWN_CAPABILITY_VERSION, "capability '" + capability
                        + "' version " + capabilityVersion + " is not registered on this node, which therefore cannot"
                        + " tell which step of execution " + execution.id() + " the signal is for"));
        PlannedStep step = ExecutionRules.keptSignalTarget(registered.planFor(payload), reusedSteps.size(),
                kept.stream().map(KeptSignal::stepIndex).collect(Collectors.toSet()), command.signal(),
                execution.id());
        List<String> violations = registered.signalViolationsOf(step.index(), command.payload());
        if (!violations.isEmpty()) {
            throw new RuleViolationException(RuleViolationCode.SIGNAL_PAYLOAD_INVALID, "the payload of signal '"
                    + command.signal() + "' does not satisfy the schema of step '" + step.name() + "': "
                    + String.join("; ", violations));
        }
        execution.record(new SignalKeptEvent(SagaId.forExecution(execution.id()), execution.id(), execution.tenant(),
                step.index(), step.name(), command.signal(), command.payload(), command.idempotencyKey()));
        return new SignalReceipt(SignalOutcome.KEPT, step.name(), null, null, false);
    }

    /** Records that the accepted execution waits, not started, for a node with its version (once). */
    @CommandHandler
    void handle(AwaitCapabilityVersionToStartCommand command) {
        execution.requireOwner(command.tenantId());
        if (!awaitingVersion && ExecutionRules.mayStart(execution.status())) {
            execution.record(new ExecutionAwaitingCapabilityVersionEvent(execution.id(), execution.tenant(),
                    capability, capabilityVersion, command.reason()));
        }
    }

    /** Lets the first node that asks take the waiting execution over, to start it; answers whether it may. */
    @CommandHandler
    boolean handle(TakeOverAwaitedStartCommand command) {
        execution.requireOwner(command.tenantId());
        if (!awaitingVersion || !ExecutionRules.mayStart(execution.status())) {
            return false;
        }
        execution.record(new AwaitedStartTakenOverEvent(execution.id(), execution.tenant(), capability,
                capabilityVersion));
        return true;
    }

    /** What the start hands the saga. */
    ExecutionHandover handover() {
        return new ExecutionHandover(payload, reusedSteps, kept);
    }

    @EventSourcingHandler
    void on(IntentAcceptedEvent event) {
        capability = event.capability();
        capabilityVersion = event.runsVersion();
        payload = event.payload();
    }

    @EventSourcingHandler
    void on(ExecutionResumedFromEvent event) {
        reusedSteps = event.reusedSteps() == null ? List.of() : List.copyOf(event.reusedSteps());
    }

    @EventSourcingHandler
    void on(SignalKeptEvent event) {
        kept.add(event.kept());
        if (event.idempotencyKey() != null) {
            receipts.putIfAbsent(event.idempotencyKey(), new SignalReceipt(SignalOutcome.KEPT, event.stepName(), null,
                    null, true));
        }
    }

    @EventSourcingHandler
    void on(ExecutionAwaitingCapabilityVersionEvent event) {
        awaitingVersion = true;
    }

    @EventSourcingHandler
    void on(AwaitedStartTakenOverEvent event) {
        awaitingVersion = false;
    }

    /** The saga holds what was kept from now on. */
    @EventSourcingHandler
    void on(ExecutionStartedEvent event) {
        payload = null;
        reusedSteps = List.of();
        kept.clear();
        receipts.clear();
    }
}
