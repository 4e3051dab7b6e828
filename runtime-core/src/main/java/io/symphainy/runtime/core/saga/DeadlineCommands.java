package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;

/**
 * Commands the coordinator sends when a deadline fires. A deadline fires outside the event that scheduled it, so its
 * commands carry the execution's metadata explicitly; every recorded event names its tenant, session and execution.
 */
final class DeadlineCommands {

    private DeadlineCommands() {
    }

    static CommandMessage<?> correlated(ExecutionId executionId, TenantId tenantId, SessionId sessionId,
                                        Object command) {
        return GenericCommandMessage.asCommandMessage(command)
                .withMetaData(CallerMetaData.of(tenantId, null, sessionId))
                .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, executionId.toString()));
    }
}
