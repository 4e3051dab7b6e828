package io.symphainy.runtime.core.saga;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalWaitDeadline;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.worker.StepFailureCodes;
import io.symphainy.runtime.core.worker.StepWorker;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;

/**
 * The {@link SagaCoordinator}'s part in a step that waits for a signal: a wait is off the happy path, so it creates
 * the coordinator, which holds the wait's timeout as a persistent deadline (it survives restarts) and cancels it when
 * the signal is delivered. When the deadline fires first, the wait's attempt fails with {@code SIGNAL_TIMEOUT},
 * retryable as the step declared, and retries or compensation follow as for any failure.
 */
abstract class CoordinatorSignalWaits extends CoordinatorStartWaits {

    static final String SIGNAL_WAIT_DEADLINE = "signal-timeout";

    /** The schedule of the timeout of the wait under way; stored with the coordinator while there is one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String signalScheduleId;

    @StartSaga
    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(StepAwaitingSignalEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String session,
                   DeadlineManager deadlines) {
        follow(event, event.tenantId(), session);
        signalScheduleId = deadlines.schedule(event.deadline(), SIGNAL_WAIT_DEADLINE, new SignalWaitDeadline(
                event.stepIndex(), event.attempt(), event.signal(), event.timeoutRetryable()));
    }

    @SagaEventHandler(associationProperty = SagaCoordinator.EXECUTION_ID)
    public void on(SignalDeliveredEvent event, DeadlineManager deadlines) {
        if (signalScheduleId != null) {
            deadlines.cancelSchedule(SIGNAL_WAIT_DEADLINE, signalScheduleId);
            signalScheduleId = null;
        }
    }

    /**
     * No signal came in time: the wait's attempt fails, unless it ended meanwhile; the compensation this may start runs
     * here once that commits.
     */
    @DeadlineHandler(deadlineName = SIGNAL_WAIT_DEADLINE)
    public void onSignalTimeout(SignalWaitDeadline deadline, CommandGateway commands, StepWorker worker) {
        signalScheduleId = null;
        CoordinatedExecution execution = coordinated();
        Object started = commands.sendAndWait(DeadlineCommands.correlated(execution.executionId(),
                execution.tenantId(), execution.sessionId(), new RecordStepFailedCommand(execution.sagaId(),
                        execution.tenantId(), StepPhase.FORWARD, deadline.stepIndex(), deadline.attempt(),
                        StepFailureCodes.SIGNAL_TIMEOUT, "no signal '" + deadline.signal()
                        + "' arrived before the wait's deadline", deadline.timeoutRetryable(), 0)));
        CoordinatorStarts.runNext(execution, started, worker);
    }
}
