package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.time.Instant;

/**
 * Asks the State Surface for the ids of a tenant's executions that match every given filter (null: any), oldest
 * accepted first, at most {@code limit}; answered with a list of {@code ExecutionId}.
 *
 * @param status     the wire name of a status ({@code failed}, {@code compensated}, …)
 * @param from       accepted at or after this instant
 * @param to         accepted before this instant
 * @param failedStep the name of the step the execution failed at
 */
public record FindExecutionIdsQuery(
        TenantId tenantId,
        String capability,
        String status,
        Instant from,
        Instant to,
        String failedStep,
        int limit) {
}
