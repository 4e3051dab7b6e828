package io.symphainy.runtime.core.dataref;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.dataref.messages.DataReferenceView;
import io.symphainy.runtime.core.dataref.messages.FindDataReferenceQuery;
import io.symphainy.runtime.core.dataref.messages.FindProvenanceQuery;
import io.symphainy.runtime.core.dataref.messages.ProvenanceView;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The {@code data-references} view: the artifacts steps registered in their recorded successes, with provenance,
 * and their lineage back to the original uploads.
 */
@Component
@ProcessingGroup(DataReferenceProjection.PROCESSING_GROUP)
public class DataReferenceProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "data-references";
    private static final int MAX_LINEAGE = 1000;

    private final DataReferenceTable table;

    DataReferenceProjection(DataReferenceTable table) {
        this.table = table;
    }

    @EventHandler
    void on(StepSucceededEvent event, @MetaDataValue(MetaDataKeys.SESSION_ID) String sessionId,
            @Timestamp Instant at) {
        DataReferences.registeredIn(event.facts()).forEach(descriptor ->
                table.register(event, sessionId, descriptor, at));
    }

    @EventHandler
    void on(StepCompensatedEvent event) {
        table.markDeleted(event.tenantId().value(), event.executionId().value(), event.stepIndex());
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    public Optional<DataReferenceView> handle(FindDataReferenceQuery query) {
        return table.find(query.tenantId().value(), query.refId());
    }

    @QueryHandler
    public ProvenanceView handle(FindProvenanceQuery query) {
        List<DataReferenceView> chain = new ArrayList<>();
        Deque<String> pending = new ArrayDeque<>(List.of(query.refId()));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty() && chain.size() < MAX_LINEAGE) {
            String refId = pending.removeFirst();
            if (seen.add(refId)) {
                table.find(query.tenantId().value(), refId).ifPresent(found -> {
                    chain.add(found);
                    pending.addAll(found.sourceRefs());
                });
            }
        }
        return new ProvenanceView(query.refId(), chain);
    }
}
