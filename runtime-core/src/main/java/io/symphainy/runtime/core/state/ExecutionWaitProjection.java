package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.AwaitedStepTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

/**
 * The State Surface's part on waits, in the same processing group as {@link ExecutionStateProjection}: an attempt, or
 * an execution not started yet, waiting for a node with its capability version, and a step waiting for a signal.
 */
@Component
@ProcessingGroup(ExecutionStateProjection.PROCESSING_GROUP)
public class ExecutionWaitProjection {

    private final VersionWaitStates versionWaits;
    private final StepWaitTable waits;

    ExecutionWaitProjection(VersionWaitStates versionWaits, StepWaitTable waits) {
        this.versionWaits = versionWaits;
        this.waits = waits;
    }

    @EventHandler
    void on(StepAwaitingCapabilityVersionEvent event, @Timestamp Instant at) {
        versionWaits.awaitingVersion(event.executionId(), event.phase() == StepPhase.FORWARD, event.stepIndex(),
                event.reason(), at);
    }

    @EventHandler
    void on(AwaitedStepTakenOverEvent event, @Timestamp Instant at) {
        versionWaits.takenOver(event.executionId(), event.phase() == StepPhase.FORWARD, event.stepIndex(), at);
    }

    @EventHandler
    void on(ExecutionAwaitingCapabilityVersionEvent event, @Timestamp Instant at) {
        versionWaits.startAwaitingVersion(event.executionId(), event.reason(), at);
    }

    @EventHandler
    void on(AwaitedStartTakenOverEvent event, @Timestamp Instant at) {
        versionWaits.startTakenOver(event.executionId(), at);
    }

    @EventHandler
    void on(StepAwaitingSignalEvent event, @Timestamp Instant at) {
        waits.stepWaiting(event, at);
    }

    @EventHandler
    void on(SignalDeliveredEvent event, @Timestamp Instant at) {
        waits.signalDelivered(event, at);
    }
}
