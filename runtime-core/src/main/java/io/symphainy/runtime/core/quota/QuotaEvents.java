package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionCancelledEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.quota.messages.TenantQuotaSetEvent;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Follows what this node records that quotas depend on, once it commits: an execution that ends gives back its place
 * in its tenant's executions in flight ({@link InFlightCounts}), a quota set here applies at once ({@link
 * TenantQuotas}).
 *
 * <p>It listens on the event bus itself rather than through a subscribing event processor: it only looks at the
 * payload's type of each event the node publishes, and a processor would add a unit of work to every publication.
 */
@Component
class QuotaEvents implements SmartInitializingSingleton {

    private final EventStore eventStore;
    private final InFlightCounts inFlight;
    private final TenantQuotas quotas;

    QuotaEvents(EventStore eventStore, InFlightCounts inFlight, TenantQuotas quotas) {
        this.eventStore = eventStore;
        this.inFlight = inFlight;
        this.quotas = quotas;
    }

    @Override
    public void afterSingletonsInstantiated() {
        eventStore.subscribe(this::published);
    }

    void published(List<? extends EventMessage<?>> events) {
        for (EventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof ExecutionCompletedEvent || payload instanceof ExecutionFailedEvent
                    || payload instanceof ExecutionCompensatedEvent || payload instanceof ExecutionCancelledEvent) {
                Object tenant = event.getMetaData().get(MetaDataKeys.TENANT_ID);
                if (tenant != null) {
                    afterCommit(() -> inFlight.ended(new TenantId(tenant.toString())));
                }
            } else if (payload instanceof TenantQuotaSetEvent) {
                afterCommit(() -> quotas.recorded(event));
            }
        }
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().afterCommit(committed -> action.run());
        } else {
            action.run();
        }
    }
}
