package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import io.symphainy.runtime.core.state.messages.FindPendingApprovalsQuery;
import io.symphainy.runtime.core.state.messages.FindSessionQuery;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Counts State Surface reads (the queries its projections answer, from an interceptor around the query handlers) and
 * writes (the events its projections apply, as the shared processor tells), so the projections stay unaware of meters.
 * Writes count once their batch committed.
 */
final class StateSurfaceMeters {

    private StateSurfaceMeters() {
    }

    /** Counts the events a State Surface read model applied, once the batch that applied them committed. */
    static Consumer<EventMessage<?>> writes(RuntimeMeters meters, String projection) {
        return event -> {
            Object tenantId = event.getMetaData().get(MetaDataKeys.TENANT_ID);
            String tenant = tenantId == null ? RuntimeMeters.UNKNOWN : tenantId.toString();
            if (CurrentUnitOfWork.isStarted()) {
                CurrentUnitOfWork.get().afterCommit(committed -> meters.stateSurfaceWritten(tenant, projection));
            } else {
                meters.stateSurfaceWritten(tenant, projection);
            }
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
