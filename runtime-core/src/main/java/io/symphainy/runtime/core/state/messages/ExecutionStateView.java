package io.symphainy.runtime.core.state.messages;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The live state of one execution as the State Surface holds it.
 */
public record ExecutionStateView(
        ExecutionId executionId,
        TenantId tenantId,
        SessionId sessionId,
        String userId,
        String intentId,
        String intentType,
        String realm,
        String capability,
        ExecutionStatus status,
        String rejectionCode,
        String errorCode,
        String errorMessage,
        String failedStep,
        List<String> violations,
        String idempotencyKey,
        Map<String, String> resultReferences,
        Instant acceptedAt,
        Instant startedAt,
        Instant finishedAt,
        Instant updatedAt,
        List<StepStateView> steps) {
}
