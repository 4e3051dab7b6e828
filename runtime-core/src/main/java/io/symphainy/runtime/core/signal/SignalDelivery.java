package io.symphainy.runtime.core.signal;

import io.symphainy.runtime.core.common.InlineCommands;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.CompleteExecutionCommand;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.KeepSignalCommand;
import io.symphainy.runtime.core.saga.messages.DeliverSignalCommand;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.SignalReceipt;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.worker.StepInvocation;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Delivers a signal to an execution in one transaction: the saga records the delivery (or keeps the signal for the
 * step that will wait for it), a delivery that completes the saga closes the execution in the same transaction, and
 * the attempt a delivery started (the step after the wait) goes to this node's worker once that commits. An execution
 * whose saga has not started (held for approval, or waiting for a node with its capability version) keeps the signal
 * itself, for the wait step its plan names, and hands it to its saga when that starts.
 *
 * <p>Two deliveries racing for the same wait meet on the saga's lock (on one node) or its event sequence (across
 * nodes): the second sees the step completed. A delivery that lost such a race on another node is decided again, and
 * so is a signal the execution no longer keeps because its saga started meanwhile.
 */
@Component
public class SignalDelivery {

    private static final int ATTEMPTS_ON_CONFLICT = 3;

    private final CommandBus commands;
    private final TransactionManager transactions;
    private final StepWorker worker;

    SignalDelivery(CommandBus commands, TransactionManager transactions, StepWorker worker) {
        this.commands = commands;
        this.transactions = transactions;
        this.worker = worker;
    }

    /** One signal for one execution, as its sender names it. */
    public record Signal(ExecutionId executionId, TenantId tenantId, UserId sentBy, SessionId sessionId, String name,
                         Map<String, Object> payload, String idempotencyKey) {
    }

    /**
     * Delivers the signal, or keeps it; answers what became of it. Throws the saga's or the execution's refusal (a
     * finished execution, a name it never waits for, a payload its step's schema refuses, a version this node lacks
     * for an execution whose saga has not started) with nothing recorded.
     */
    public SignalReceipt deliver(Signal signal) {
        for (int attempt = 1; ; attempt++) {
            try {
                SignalReceipt receipt = deliverOnce(signal);
                if (receipt != null) {
                    return receipt;
                }
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw new IllegalStateException("execution " + signal.executionId() + " has started, but its"
                            + " saga was not found to take signal '" + signal.name() + "'");
                }
            } catch (ConcurrencyException conflict) {
                if (attempt >= ATTEMPTS_ON_CONFLICT) {
                    throw conflict;
                }
            }
        }
    }

    /** Delivers to the saga; else, when it has not started, has the execution keep it ({@code null}: started since). */
    private SignalReceipt deliverOnce(Signal signal) {
        try {
            return inTransaction(() -> toSaga(signal));
        } catch (AggregateNotFoundException noSagaYet) {
            return inTransaction(() -> dispatch(signal, new KeepSignalCommand(signal.executionId(),
                    signal.tenantId(), signal.name(), signal.payload(), signal.idempotencyKey())));
        }
    }

    private SignalReceipt toSaga(Signal signal) {
        SagaId sagaId = SagaId.forExecution(signal.executionId());
        SignalReceipt receipt = dispatch(signal, new DeliverSignalCommand(sagaId, signal.tenantId(), signal.name(),
                signal.payload(), signal.idempotencyKey()));
        if (receipt.completion() != null) {
            dispatch(signal, new CompleteExecutionCommand(signal.executionId(), signal.tenantId(),
                    receipt.completion().references()));
        }
        if (receipt.nextAttempt() != null) {
            NextAttempt next = receipt.nextAttempt();
            worker.runAfterCommit(new StepInvocation(sagaId, signal.executionId(), signal.tenantId(),
                    signal.sessionId(), next.capability(), next.capabilityVersion(), next.phase(), next.stepIndex(),
                    next.attempt()));
        }
        return receipt;
    }

    private SignalReceipt inTransaction(Callable<SignalReceipt> work) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<SignalReceipt> result = unitOfWork.executeWithResult(work);
        if (result.isExceptional()) {
            Throwable failure = result.exceptionResult();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
        return result.getPayload();
    }

    /** Handles the command on this thread, within the delivery's unit of work; answers its result or throws. */
    private <R> R dispatch(Signal signal, Object command) {
        return InlineCommands.send(commands, command, signal.tenantId(), signal.sentBy(), signal.sessionId(),
                signal.executionId());
    }
}
