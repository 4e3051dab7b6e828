package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import io.symphainy.runtime.core.state.messages.FindPendingApprovalsQuery;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Counts State Surface reads (the queries its projections answer) and writes (the events its projections apply),
 * from interceptors around their handlers, so the projections themselves stay unaware of meters. Both count once
 * the work committed.
 */
final class StateSurfaceMeters {

    private StateSurfaceMeters() {
    }

    /** Counts the events a State Surface projection applied. */
    static MessageHandlerInterceptor<EventMessage<?>> writes(RuntimeMeters meters, String projection) {
        return (UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            Object tenant = unitOfWork.getMessage().getMetaData().get(MetaDataKeys.TENANT_ID);
            unitOfWork.afterCommit(committed -> meters.stateSurfaceWritten(
                    tenant == null ? RuntimeMeters.UNKNOWN : tenant.toString(), projection));
            return result;
        };
    }

    /** Counts the State Surface queries answered, by query type. */
    static MessageHandlerInterceptor<QueryMessage<?, ?>> reads(RuntimeMeters meters) {
        return (UnitOfWork<? extends QueryMessage<?, ?>> unitOfWork, InterceptorChain chain) -> {
            Object result = chain.proceed();
            String tenant = tenantOf(unitOfWork.getMessage().getPayload());
            if (tenant != null) {
                meters.stateSurfaceRead(tenant, unitOfWork.getMessage().getPayloadType().getSimpleName());
            }
            return result;
        };
    }

    /** The tenant of a State Surface query; {@code null} for every other query. */
    private static String tenantOf(Object query) {
        if (query instanceof FindExecutionStateQuery execution) {
            return execution.tenantId().value();
        }
        if (query instanceof FindSessionQuery session) {
            return session.tenantId().value();
        }
        if (query instanceof FindPendingApprovalsQuery approvals) {
            return approvals.tenantId().value();
        }
        return null;
    }
}
