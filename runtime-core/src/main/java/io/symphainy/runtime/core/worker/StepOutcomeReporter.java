package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import io.symphainy.runtime.core.session.messages.DetachExecutionFromSessionCommand;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records what an attempt produced by sending it to the saga. A report that cannot be recorded is only logged: the
 * attempt's persistent timeout deadline then counts it as timed out and the step is tried again.
 */
@Component
class StepOutcomeReporter {

    private static final Logger log = LoggerFactory.getLogger(StepOutcomeReporter.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;

    StepOutcomeReporter(CommandGateway commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /** Sends the outcome to the saga; completes, after the commit, with the saga's answer (or the failure). */
    CompletableFuture<Object> report(StepInvocation invocation, StepResult result, long durationMillis) {
        Object command;
        if (result instanceof StepResult.Failed failure) {
            command = new RecordStepFailedCommand(invocation.sagaId(), invocation.tenantId(), invocation.phase(),
                    invocation.stepIndex(), invocation.attempt(), failure.code(), failure.message(),
                    failure.retryable(), durationMillis);
        } else {
            StepResult.Succeeded success = (StepResult.Succeeded) result;
            command = new RecordStepSucceededCommand(invocation.sagaId(), invocation.tenantId(), invocation.phase(),
                    invocation.stepIndex(), invocation.attempt(), success.references(), success.facts(),
                    durationMillis);
        }
        CompletableFuture<Object> recorded = commands.send(correlated(invocation, command));
        recorded.whenComplete((answer, error) -> {
            if (error != null) {
                log.warn("Could not record the outcome of {} attempt {} of step {} in execution {}; its timeout"
                                + " deadline will retry it", invocation.phase(), invocation.attempt(),
                        invocation.stepIndex(), invocation.executionId(), error);
            }
        });
        return recorded;
    }

    /**
     * Closes an execution whose saga just completed, as the coordinator does when it reads the completion: in one
     * transaction the execution completes with the saga's references and leaves its session. Both commands change
     * nothing when the coordinator got there first.
     *
     * @return whether the closing committed; when not, it is only logged, and the coordinator closes the execution
     */
    boolean close(StepInvocation invocation, Map<String, String> references) {
        try {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactions);
            unitOfWork.execute(() -> {
                commands.sendAndWait(correlated(invocation, new CompleteExecutionCommand(invocation.executionId(),
                        invocation.tenantId(), references)));
                commands.sendAndWait(correlated(invocation, new DetachExecutionFromSessionCommand(
                        invocation.sessionId(), invocation.tenantId(), invocation.executionId())));
            });
            return true;
        } catch (RuntimeException notClosed) {
            log.debug("Execution {} was not closed after its saga completed; the coordinator closes it",
                    invocation.executionId(), notClosed);
            return false;
        }
    }

    /** The command with the attempt's tenant, session and execution, as the saga's own messages carry them. */
    private static CommandMessage<?> correlated(StepInvocation invocation, Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CallerMetaData.of(invocation.tenantId(), null, invocation.sessionId()))
                .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, invocation.executionId().toString()));
    }
}
