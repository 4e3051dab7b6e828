package io.symphainy.runtime.core.common;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.callbacks.FutureCallback;

/**
 * Sends a command that the (simple) command bus handles on the calling thread, inside the caller's unit of work, so
 * that several commands commit in the caller's one transaction; the command carries the caller's tenant, user and
 * session and the execution, as the saga's own messages do.
 */
public final class InlineCommands {

    private InlineCommands() {
    }

    /**
     * Handles the command now and answers its result; throws its failure (a checked one wrapped).
     *
     * @param user the user the command is sent for, {@code null} for the runtime itself
     */
    @SuppressWarnings("unchecked")
    public static <R> R send(CommandBus commands, Object command, TenantId tenant, UserId user, SessionId session,
                             ExecutionId execution) {
        FutureCallback<Object, Object> callback = new FutureCallback<>();
        commands.dispatch(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(CallerMetaData.of(tenant, user, session))
                .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, execution.toString())), callback);
        CommandResultMessage<?> result = callback.getResult();
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        return (R) result.getPayload();
    }
}
