package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.PeriodicTask;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.RunningAttempts;
import io.symphainy.runtime.core.state.RunningAttempts.RunningAttempt;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The loss scan: finds attempts whose outcome was never recorded although their timeout and the grace after it have
 * passed (the node running them died, its worker was saturated, or the outcome could not be recorded), and records
 * each as a retryable {@code STEP_TIMEOUT}, so the saga retries or compensates as for any timeout.
 *
 * <p>It reads the running attempts from the State Surface, which records every start in commit order. What it reads
 * may trail the event store, which only delays a finding; and a report for an attempt that is no longer current (its
 * outcome was recorded meanwhile, or another node's scan was first) changes nothing in the saga, so every node may
 * scan. While the executions' read model is rebuilt, nothing is scanned. An attempt the timeout starts (a compensation)
 * runs on this node once the timeout is recorded.
 *
 * <p>The lost attempt of a {@code NON_REPEATABLE} step may have taken effect before its node died, so it is recorded as
 * a failure that is not retried: the step never runs twice, and the execution compensates what came before it.
 * Repeatable steps ({@code PURE}, {@code IDEMPOTENT}, {@code COMPENSATABLE}) are retried: they run at least once.
 */
@Component
class LostAttempts extends PeriodicTask {

    private static final Logger log = LoggerFactory.getLogger(LostAttempts.class);
    private static final int SCANNED = 500;
    static final String LOST = "no outcome was recorded before the attempt's deadline";
    static final String LOST_NON_REPEATABLE = LOST + "; a NON_REPEATABLE step is never run again";

    private final RunningAttempts running;
    private final ReadModels readModels;
    private final StepWorker worker;
    private final CommandGateway commands;
    private final SagaProperties properties;
    private final Curator curator;
    private final Clock clock;

    LostAttempts(RunningAttempts running, ReadModels readModels, StepWorker worker, CommandGateway commands,
                 SagaProperties properties, Curator curator) {
        super("loss-scan", properties.lossScanInterval());
        this.running = running;
        this.readModels = readModels;
        this.worker = worker;
        this.commands = commands;
        this.properties = properties;
        this.curator = curator;
        this.clock = Clock.systemUTC();
    }

    /** Records every overdue attempt as timed out; answers how many were. */
    int scan() {
        if (readModels.isRebuilding(ExecutionStateProjection.PROCESSING_GROUP)) {
            return 0;
        }
        Instant now = clock.instant();
        int timedOut = 0;
        for (RunningAttempt attempt : running.startedBefore(now.minus(properties.timeoutGrace()), SCANNED)) {
            StepInvocation invocation = new StepInvocation(SagaId.forExecution(attempt.executionId()),
                    attempt.executionId(), attempt.tenantId(), attempt.sessionId(), attempt.capability(),
                    attempt.capabilityVersion(), attempt.phase(), attempt.stepIndex(), attempt.attempt());
            if (attempt.startedAt().plus(worker.lossDeadline(invocation)).isBefore(now)) {
                timeOut(invocation);
                timedOut++;
            }
        }
        return timedOut;
    }

    private void timeOut(StepInvocation invocation) {
        log.info("No outcome of {} was recorded before its deadline; recording it as timed out", invocation);
        boolean repeatable = !nonRepeatable(invocation);
        try {
            Object started = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordStepFailedCommand(
                            invocation.sagaId(), invocation.tenantId(), invocation.phase(), invocation.stepIndex(),
                            invocation.attempt(), StepFailureCodes.STEP_TIMEOUT,
                            repeatable ? LOST : LOST_NON_REPEATABLE, repeatable, 0))
                    .andMetaData(CallerMetaData.of(invocation.tenantId(), null, invocation.sessionId()))
                    .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, invocation.executionId().toString())));
            if (started instanceof NextAttempt next) {
                worker.runAfterCommit(invocation.next(next));
            }
        } catch (RuntimeException e) {
            log.warn("Could not record {} as timed out; the next scan tries again", invocation, e);
        }
    }

    /** Whether the attempt ran a forward step declared {@code NON_REPEATABLE}; compensations are always repeatable. */
    private boolean nonRepeatable(StepInvocation invocation) {
        return invocation.phase() == StepPhase.FORWARD
                && curator.named(invocation.capability(), invocation.capabilityVersion())
                .filter(capability -> invocation.stepIndex() < capability.plan().size())
                .map(capability -> capability.plan().get(invocation.stepIndex()).sideEffect())
                .filter(SideEffectClass.NON_REPEATABLE::equals)
                .isPresent();
    }

    @Override
    protected void runOnce() {
        scan();
    }
}
