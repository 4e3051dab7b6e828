package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.execution.messages.SubmitIntentCommand;
import java.util.Optional;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * What a submitted intent repeats or resumes: the execution id it is recorded under, the earlier submission with the
 * same idempotency key (or resumption), and the execution it resumes, each loaded in the intake's transaction.
 */
final class IntakeRepeats {

    private final Repository<Execution> executions;

    IntakeRepeats(Repository<Execution> executions) {
        this.executions = executions;
    }

    /**
     * A resumption names its execution after the one it resumes, so a repeated resumption finds the first; an
     * idempotency key names it after the key; anything else gets a new id.
     */
    static ExecutionId executionIdOf(SubmitIntentCommand command) {
        if (command.resumes()) {
            return ExecutionId.forResumptionOf(command.tenantId(), command.resumption().resumedFrom());
        }
        return command.hasIdempotencyKey() ? ExecutionId.forIdempotencyKey(command.tenantId(), command.idempotencyKey())
                : ExecutionId.random();
    }

    /** The execution a resumption resumes, locked for this transaction; refused unless failed or compensated. */
    Aggregate<Execution> resumable(SubmitIntentCommand command) {
        ExecutionId original = command.resumption().resumedFrom();
        Aggregate<Execution> execution;
        try {
            execution = executions.load(original.toString());
        } catch (AggregateNotFoundException notFound) {
            throw new RuleViolationException(RuleViolationCode.EXECUTION_NOT_FOUND,
                    "execution " + original + " not found");
        }
        execution.execute(resumedExecution -> resumedExecution.requireResumableBy(command.tenantId()));
        return execution;
    }

    /**
     * The receipt of the earlier submission recorded under the id, if there is one; a different payload under the
     * same key is a conflict.
     */
    Optional<IntakeReceipt> earlierSubmission(ExecutionId executionId, SubmitIntentCommand command,
                                              String fingerprint) {
        Aggregate<Execution> earlier;
        try {
            earlier = executions.load(executionId.toString());
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
        boolean sameIntent = earlier.invoke(execution -> execution.belongsTo(command.tenantId())
                && execution.submittedWith(fingerprint));
        if (!sameIntent) {
            throw new RuleViolationException(RuleViolationCode.IDEMPOTENCY_KEY_CONFLICT,
                    "idempotency key '" + command.idempotencyKey() + "' was already used for a different intent");
        }
        return Optional.of(earlier.invoke(execution -> execution.receipt(true)));
    }
}
