package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.saga.messages.RecordStepFailedCommand;
import io.symphainy.runtime.core.saga.messages.RecordStepSucceededCommand;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    StepOutcomeReporter(CommandGateway commands) {
        this.commands = commands;
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
        var message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CallerMetaData.of(invocation.tenantId(), null, invocation.sessionId()))
                .andMetaData(java.util.Map.of(MetaDataKeys.EXECUTION_ID, invocation.executionId().toString()));
        CompletableFuture<Object> recorded = commands.send(message);
        recorded.whenComplete((answer, error) -> {
            if (error != null) {
                log.warn("Could not record the outcome of {} attempt {} of step {} in execution {}; its timeout"
                                + " deadline will retry it", invocation.phase(), invocation.attempt(),
                        invocation.stepIndex(), invocation.executionId(), error);
            }
        });
        return recorded;
    }
}
