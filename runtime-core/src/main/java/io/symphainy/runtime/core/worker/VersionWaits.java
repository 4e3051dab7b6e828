package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.saga.messages.AwaitCapabilityVersionCommand;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Parks an attempt whose capability version this node lacks: the saga records that it waits, and a node that has the
 * version takes it over ({@link AwaitedAttempts}). Nothing of another version runs for it.
 */
@Component
class VersionWaits {

    private static final Logger log = LoggerFactory.getLogger(VersionWaits.class);

    private final CommandGateway commands;

    VersionWaits(CommandGateway commands) {
        this.commands = commands;
    }

    /** Why an attempt waits, as its execution's status shows it. */
    static String reason(StepInvocation invocation) {
        return "capability " + invocation.capability() + " version " + invocation.capabilityVersion()
                + " is not registered on any node that saw it";
    }

    /**
     * Records the wait on the worker's threads, off the caller's, which may be finishing the unit of work that started
     * the attempt.
     */
    void awaitOn(Executor worker, StepInvocation invocation) {
        try {
            worker.execute(new TenantTask(invocation.tenantId(), () -> await(invocation)));
        } catch (RejectedExecutionException saturated) {
            log.warn("Step worker is saturated; the loss scan will count {} as timed out", invocation);
        }
    }

    /** Records that the attempt waits; a failure to record it leaves the attempt to the loss scan. */
    void await(StepInvocation invocation) {
        log.warn("{}: {} waits for a node that has it", reason(invocation), invocation);
        commands.send(GenericCommandMessage.asCommandMessage(new AwaitCapabilityVersionCommand(invocation.sagaId(),
                        invocation.tenantId(), invocation.phase(), invocation.stepIndex(), invocation.attempt(),
                        reason(invocation)))
                .andMetaData(CallerMetaData.of(invocation.tenantId(), null, invocation.sessionId()))
                .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, invocation.executionId().toString())))
                .exceptionally(failure -> {
                    log.warn("Could not record that {} waits for its capability version", invocation, failure);
                    return null;
                });
    }
}
