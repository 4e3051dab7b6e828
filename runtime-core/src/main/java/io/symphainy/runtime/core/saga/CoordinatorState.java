package io.symphainy.runtime.core.saga;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.symphainy.runtime.core.common.messages.ExecutionScoped;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;

/**
 * What a {@link SagaCoordinator} remembers between two events, stored with it as JSON: the execution it follows, and
 * whether it waits for an approval (and under which deadline), for a resumption's reused steps, or for a node with its
 * capability version to start it.
 *
 * <p>The field names are the stored document's keys: a coordinator stored by an earlier version loads only while they
 * stay as they are. Fields added since are stored only when set, so a coordinator that never uses them is stored as
 * before.
 */
abstract class CoordinatorState {

    ExecutionId executionId;
    SagaId sagaId;
    TenantId tenantId;
    SessionId sessionId;
    String capability;
    /** Null in coordinators stored before versions existed, and in those an acceptance did not create. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    String capabilityVersion;
    boolean awaitingApproval;
    String approvalScheduleId;
    boolean awaitingResumption;
    List<ReusedStep> reusedSteps = List.of();
    /** The plan fixed at acceptance for a capability with wait steps, whose signals the payload names; else null. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    List<PlannedStep> plannedSteps;
    /** Whether the execution waits, not started, for a node with its capability version; stored only while set. */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    boolean awaitingVersion;

    /** Takes up an execution whose first event for the coordinator comes from its saga. */
    void follow(ExecutionScoped event, TenantId tenant, String session) {
        follow(event.executionId(), tenant, session == null ? null : SessionId.of(session));
    }

    /** Takes up the execution, unless it follows one already; learns its session once it is known. */
    void follow(ExecutionId execution, TenantId tenant, SessionId session) {
        if (executionId == null) {
            executionId = execution;
            sagaId = SagaId.forExecution(execution);
            tenantId = tenant;
        }
        if (sessionId == null) {
            sessionId = session;
        }
    }

    /** The ids this coordinator acts for, as its fields hold them now. */
    CoordinatedExecution coordinated() {
        return new CoordinatedExecution(executionId, sagaId, tenantId, sessionId);
    }

    /** Whether the execution's saga has not started yet: it waits for an approval or for a node with its version. */
    boolean sagaNotStarted() {
        return awaitingApproval || awaitingVersion;
    }

    /** Stops waiting for an approval and cancels the approval window's deadline. */
    void endApprovalWait(DeadlineManager deadlines) {
        awaitingApproval = false;
        CoordinatorDeadlines.cancelApprovalTimeout(deadlines, approvalScheduleId);
        approvalScheduleId = null;
    }
}
