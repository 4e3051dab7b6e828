package io.symphainy.runtime.core.observability;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

/**
 * Counts every event appended to the event store, by tenant. A class of its own because Axon hands an event to one
 * handler per object, the most specific, and {@link RuntimeMetricsProjection} handles some events specifically.
 */
@Component
@DisallowReplay
@ProcessingGroup(RuntimeMetricsProjection.PROCESSING_GROUP)
class WalAppendMeter {

    private final RuntimeMeters meters;

    WalAppendMeter(RuntimeMeters meters) {
        this.meters = meters;
    }

    @EventHandler
    void on(Object event, MetaData metaData) {
        Object tenant = metaData.get(MetaDataKeys.TENANT_ID);
        meters.walAppended(tenant == null ? RuntimeMeters.UNKNOWN : tenant.toString());
    }
}
