package io.symphainy.runtime.core.replay.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import java.time.Instant;

/**
 * Asks to replay one execution of a tenant.
 *
 * @param asOfIndex   for {@link ReplayMode#STATE_ONLY}: fold only the events up to this index of the merged event
 *                    list (as {@code events_only} numbers them); null for all
 * @param asOfInstant for {@link ReplayMode#STATE_ONLY}: fold only the events recorded at or before this instant;
 *                    null for all
 * @param currentPolicy whether to re-evaluate the recorded intent against the tenant's current policy as well
 * @param rerunModel    for {@link ReplayMode#FULL}: call today's reasoning model for agent steps instead of running
 *                      them on the recorded model output (an operator's choice, named in the recorded outcome)
 */
public record ReplayRequest(
        ExecutionId executionId,
        TenantId tenantId,
        UserId requestedBy,
        ReplayMode mode,
        Long asOfIndex,
        Instant asOfInstant,
        boolean currentPolicy,
        boolean rerunModel) {

    /** A replay that runs agent steps on the recorded model output. */
    public ReplayRequest(ExecutionId executionId, TenantId tenantId, UserId requestedBy, ReplayMode mode,
                         Long asOfIndex, Instant asOfInstant, boolean currentPolicy) {
        this(executionId, tenantId, requestedBy, mode, asOfIndex, asOfInstant, currentPolicy, false);
    }

    /** A replay that does not re-evaluate the policy. */
    public ReplayRequest(ExecutionId executionId, TenantId tenantId, UserId requestedBy, ReplayMode mode,
                         Long asOfIndex, Instant asOfInstant) {
        this(executionId, tenantId, requestedBy, mode, asOfIndex, asOfInstant, false, false);
    }

    /** Whether the replay looks at an earlier point than the end of the record. */
    public boolean pointInTime() {
        return asOfIndex != null || asOfInstant != null;
    }
}
