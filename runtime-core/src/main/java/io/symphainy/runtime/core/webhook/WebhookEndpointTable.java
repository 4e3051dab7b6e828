package io.symphainy.runtime.core.webhook;

import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import io.symphainy.runtime.core.webhook.messages.WebhookRegisteredEvent;
import io.symphainy.runtime.core.webhook.messages.WebhookView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the {@code webhook_endpoint} table. Writes are safe to repeat; reads for the API never select the
 * secret.
 */
@Repository
class WebhookEndpointTable {

    private final JdbcTemplate jdbc;

    WebhookEndpointTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(WebhookRegisteredEvent e, Instant at) {
        jdbc.update("""
                insert into webhook_endpoint (webhook_id, tenant_id, url, events, description, secret, created_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing""",
                e.webhookId().value(), e.tenantId().value(), e.url(),
                JsonColumns.write(e.events().stream().map(WebhookEventType::wireName).sorted().toList()),
                e.description(), e.secret(), timestamp(at));
    }

    void markRemoved(WebhookId webhookId, Instant at) {
        jdbc.update("update webhook_endpoint set removed_at = ? where webhook_id = ? and removed_at is null",
                timestamp(at), webhookId.value());
    }

    void clear() {
        jdbc.update("delete from webhook_endpoint");
    }

    /** The tenant's endpoints that are not removed, oldest first. */
    List<WebhookView> findActive(TenantId tenantId) {
        return jdbc.query("""
                select webhook_id, tenant_id, url, events, description, created_at from webhook_endpoint
                where tenant_id = ? and removed_at is null order by created_at, webhook_id""",
                WebhookEndpointTable::view, tenantId.value());
    }

    /** The tenant's endpoints, not removed, that subscribe to the event type. */
    List<WebhookId> subscribers(TenantId tenantId, WebhookEventType type) {
        return jdbc.query("""
                select webhook_id from webhook_endpoint
                where tenant_id = ? and removed_at is null and events @> ?::jsonb""",
                (rs, row) -> new WebhookId(rs.getObject("webhook_id", UUID.class)), tenantId.value(),
                JsonColumns.write(List.of(type.wireName())));
    }

    private static WebhookView view(ResultSet rs, int row) throws SQLException {
        Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
        JsonColumns.readStrings(rs.getString("events"))
                .forEach(name -> WebhookEventType.fromWireName(name).ifPresent(events::add));
        return new WebhookView(new WebhookId(rs.getObject("webhook_id", UUID.class)),
                new TenantId(rs.getString("tenant_id")), rs.getString("url"), events, rs.getString("description"),
                JsonColumns.instant(rs.getTimestamp("created_at")));
    }
}
