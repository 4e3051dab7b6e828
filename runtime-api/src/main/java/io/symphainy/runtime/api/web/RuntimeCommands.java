package io.symphainy.runtime.api.web;

import io.symphainy.runtime.api.error.ProblemCode;
import io.symphainy.runtime.api.error.ProblemException;
import io.symphainy.runtime.api.security.RuntimePrincipal;
import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends commands on behalf of the authenticated caller, so every recorded event names its tenant and user.
 */
@Component
public class RuntimeCommands {

    private final CommandGateway commands;

    RuntimeCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends a command and waits until its events are committed. */
    public <R> R send(RuntimePrincipal caller, SessionId sessionId, Object command) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).withMetaData(
                CallerMetaData.of(tenantOf(caller), new UserId(caller.userId()), sessionId)));
    }

    /** Sends a command to an existing aggregate; a missing one answers with the given not-found problem. */
    public <R> R sendToExisting(RuntimePrincipal caller, SessionId sessionId, Object command, ProblemCode whenMissing,
                                String detail) {
        try {
            return send(caller, sessionId, command);
        } catch (AggregateNotFoundException missing) {
            throw new ProblemException(whenMissing, detail);
        }
    }

    /** The caller's tenant as the core names it. */
    public static TenantId tenantOf(RuntimePrincipal caller) {
        return new TenantId(caller.tenantId());
    }
}
