package io.symphainy.runtime.core.apikey;

import io.symphainy.runtime.core.apikey.messages.ApiKeyIssuedEvent;
import io.symphainy.runtime.core.apikey.messages.ApiKeyRevokedEvent;
import io.symphainy.runtime.core.apikey.messages.ApiKeyView;
import io.symphainy.runtime.core.apikey.messages.FindApiKeysQuery;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The issued API keys. Its processor subscribes to the event bus, so the row changes in the transaction that
 * records the issuance or revocation: a key works, and a revoked key stops working, the moment the administrator's
 * request is answered.
 */
@Component
@ProcessingGroup(ApiKeyProjection.PROCESSING_GROUP)
public class ApiKeyProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "api-keys";

    private final ApiKeyTable table;

    ApiKeyProjection(ApiKeyTable table) {
        this.table = table;
    }

    @EventHandler
    void on(ApiKeyIssuedEvent event, @Timestamp Instant at) {
        table.insert(event, at);
    }

    @EventHandler
    void on(ApiKeyRevokedEvent event, @Timestamp Instant at) {
        table.markRevoked(event.keyId(), at);
    }

    @ResetHandler
    void reset() {
        table.clear();
    }

    @QueryHandler
    public List<ApiKeyView> handle(FindApiKeysQuery query) {
        return table.find(query.tenantId());
    }
}
