package io.symphainy.runtime.core.webhook;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryId;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryStatus;
import io.symphainy.runtime.core.webhook.messages.WebhookDeliveryView;
import io.symphainy.runtime.core.webhook.messages.WebhookEventType;
import io.symphainy.runtime.core.webhook.messages.WebhookId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the {@code webhook_delivery} outbox.
 */
@Repository
class WebhookDeliveryTable {

    private static final int MAX_ERROR_LENGTH = 1024;
    private static final String PENDING = WebhookDeliveryStatus.PENDING.wireName();
    private static final String DELIVERED = WebhookDeliveryStatus.DELIVERED.wireName();
    private static final String FAILED = WebhookDeliveryStatus.FAILED.wireName();

    private final JdbcTemplate jdbc;

    WebhookDeliveryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a delivery, due at once; a delivery of the same event to the same endpoint is queued only once. */
    void queue(WebhookDeliveryId deliveryId, WebhookId webhookId, TenantId tenantId, String eventId,
               WebhookEventType type, ExecutionId executionId, String body, Instant at) {
        jdbc.update("""
                insert into webhook_delivery (delivery_id, webhook_id, tenant_id, event_identifier, event_type,
                    execution_id, body, status, attempts, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) on conflict (webhook_id, event_identifier) do nothing""",
                deliveryId.value(), webhookId.value(), tenantId.value(), eventId, type.wireName(),
                executionId.value(), body, PENDING, timestamp(at), timestamp(at));
    }

    /**
     * Locks up to {@code limit} pending deliveries due at {@code now}, skipping those another node has locked; the
     * locks last until the caller's transaction ends.
     */
    List<DueDelivery> lockDue(Instant now, int limit) {
        return jdbc.query("""
                select d.delivery_id, d.webhook_id, d.event_type, d.body, d.attempts, e.url, e.secret,
                    e.webhook_id is null as endpoint_missing, e.removed_at is not null as endpoint_removed
                from webhook_delivery d left join webhook_endpoint e on e.webhook_id = d.webhook_id
                where d.status = ? and d.next_attempt_at <= ?
                order by d.next_attempt_at limit ? for update of d skip locked""",
                (rs, row) -> new DueDelivery(new WebhookDeliveryId(rs.getObject("delivery_id", UUID.class)),
                        new WebhookId(rs.getObject("webhook_id", UUID.class)),
                        WebhookEventType.fromWireName(rs.getString("event_type")).orElseThrow(),
                        rs.getString("body"), rs.getInt("attempts"), rs.getString("url"), rs.getString("secret"),
                        rs.getBoolean("endpoint_missing"), rs.getBoolean("endpoint_removed")),
                PENDING, timestamp(now), limit);
    }

    void markDelivered(WebhookDeliveryId deliveryId, int attempts, int statusCode, Instant at) {
        jdbc.update("""
                update webhook_delivery set status = ?, attempts = ?, last_attempt_at = ?, last_status_code = ?,
                    last_error = null, delivered_at = ? where delivery_id = ?""",
                DELIVERED, attempts, timestamp(at), statusCode, timestamp(at), deliveryId.value());
    }

    void markRetry(WebhookDeliveryId deliveryId, int attempts, Integer statusCode, String error, Instant at,
                   Instant next) {
        jdbc.update("""
                update webhook_delivery set attempts = ?, last_attempt_at = ?, last_status_code = ?, last_error = ?,
                    next_attempt_at = ? where delivery_id = ?""",
                attempts, timestamp(at), statusCode, truncate(error), timestamp(next), deliveryId.value());
    }

    void markFailed(WebhookDeliveryId deliveryId, int attempts, Integer statusCode, String error, Instant at) {
        jdbc.update("""
                update webhook_delivery set status = ?, attempts = ?, last_attempt_at = ?, last_status_code = ?,
                    last_error = ? where delivery_id = ?""",
                FAILED, attempts, timestamp(at), statusCode, truncate(error), deliveryId.value());
    }

    /** Makes a failed delivery of the tenant pending again with fresh attempts; false when there is none. */
    boolean requeueFailed(TenantId tenantId, WebhookDeliveryId deliveryId, Instant now) {
        return jdbc.update("""
                update webhook_delivery set status = ?, attempts = 0, next_attempt_at = ?
                where delivery_id = ? and tenant_id = ? and status = ?""",
                PENDING, timestamp(now), deliveryId.value(), tenantId.value(), FAILED) == 1;
    }

    List<WebhookDeliveryView> find(TenantId tenantId, WebhookDeliveryStatus status, WebhookId webhookId, int limit) {
        StringBuilder sql = new StringBuilder("select * from webhook_delivery where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenantId.value()));
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.wireName());
        }
        if (webhookId != null) {
            sql.append(" and webhook_id = ?");
            args.add(webhookId.value());
        }
        sql.append(" order by created_at desc, delivery_id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), WebhookDeliveryTable::view, args.toArray());
    }

    List<WebhookDeliveryView> findOne(TenantId tenantId, WebhookDeliveryId deliveryId) {
        return jdbc.query("select * from webhook_delivery where tenant_id = ? and delivery_id = ?",
                WebhookDeliveryTable::view, tenantId.value(), deliveryId.value());
    }

    private static WebhookDeliveryView view(ResultSet rs, int row) throws SQLException {
        Integer statusCode = rs.getObject("last_status_code", Integer.class);
        return new WebhookDeliveryView(new WebhookDeliveryId(rs.getObject("delivery_id", UUID.class)),
                new WebhookId(rs.getObject("webhook_id", UUID.class)), new TenantId(rs.getString("tenant_id")),
                WebhookEventType.fromWireName(rs.getString("event_type")).orElseThrow(),
                new ExecutionId(rs.getObject("execution_id", UUID.class)),
                WebhookDeliveryStatus.fromWireName(rs.getString("status")).orElseThrow(), rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("next_attempt_at")),
                instant(rs.getTimestamp("last_attempt_at")), statusCode,
                rs.getString("last_error"), instant(rs.getTimestamp("delivered_at")));
    }

    private static String truncate(String error) {
        return error == null || error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
    }

    /** A locked, due delivery with what sending it needs. */
    record DueDelivery(WebhookDeliveryId deliveryId, WebhookId webhookId, WebhookEventType eventType, String body,
                       int attempts, String url, String secret, boolean endpointMissing, boolean endpointRemoved) {

        /** Never prints the secret or the body. */
        @Override
        public String toString() {
            return "DueDelivery[" + deliveryId + " to " + webhookId + ", attempts=" + attempts + "]";
        }
    }
}
