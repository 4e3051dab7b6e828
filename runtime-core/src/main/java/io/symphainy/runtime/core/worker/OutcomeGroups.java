package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.InlineCommands;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import io.symphainy.runtime.core.saga.messages.SagaCompletion;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Records a group of step outcomes in one unit of work and one transaction, each outcome in a nested unit of work of
 * its own, and says for each what the saga answered or why it was not recorded ({@link StepOutcomeReporter} decides
 * what to do with that).
 */
final class OutcomeGroups {

    /** What recording one outcome gave: the saga's answer, or the failure that rolled it back. */
    record Recording(Object answer, Throwable failure) {
    }

    private final CommandBus commands;
    private final TransactionManager transactions;

    OutcomeGroups(CommandBus commands, TransactionManager transactions) {
        this.commands = commands;
        this.transactions = transactions;
    }

    /**
     * Records the group in one unit of work and transaction. Each outcome is recorded in a nested unit of work of its
     * own: one the saga refuses, or that meets a lock conflict, is rolled back whole (its success is not recorded
     * without the execution's closing) while the others still commit. Throws when the group cannot commit.
     */
    List<Recording> inOneTransaction(List<StepOutcomeReporter.Report> group) {
        List<Recording> recordings = new ArrayList<>(group.size());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        unitOfWork.execute(() -> group.forEach(report -> recordings.add(recordOne(report))));
        return recordings;
    }

    /** A success that completes its saga closes the execution in the same nested unit of work. */
    private Recording recordOne(StepOutcomeReporter.Report report) {
        ResultMessage<Object> result = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            StepInvocation invocation = report.invocation();
            Object answer = dispatch(invocation, commandOf(report));
            if (answer instanceof SagaCompletion completion) {
                dispatch(invocation, new CompleteExecutionCommand(invocation.executionId(), invocation.tenantId(),
                        completion.references()));
            }
            return answer;
        });
        return result.isExceptional() ? new Recording(null, result.exceptionResult())
                : new Recording(result.getPayload(), null);
    }

    private static Object commandOf(StepOutcomeReporter.Report report) {
        StepInvocation invocation = report.invocation();
        if (report.result() instanceof StepResult.Failed failure) {
            return new RecordStepFailedCommand(invocation.sagaId(), invocation.tenantId(), invocation.phase(),
                    invocation.stepIndex(), invocation.attempt(), failure.code(), failure.message(),
                    failure.retryable(), report.durationMillis());
        }
        StepResult.Succeeded success = (StepResult.Succeeded) report.result();
        return new RecordStepSucceededCommand(invocation.sagaId(), invocation.tenantId(), invocation.phase(),
                invocation.stepIndex(), invocation.attempt(), success.references(), success.facts(),
                report.durationMillis());
    }

    /** Handles the command on this thread, within the group's unit of work; answers its result or throws. */
    private Object dispatch(StepInvocation invocation, Object command) {
        return InlineCommands.send(commands, command, invocation.tenantId(), null, invocation.sessionId(),
                invocation.executionId());
    }
}
