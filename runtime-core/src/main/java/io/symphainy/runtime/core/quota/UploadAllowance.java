package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.TenantId;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes each tenant uploaded per UTC day ({@code tenant_upload_usage}), shared by every node: an upload is
 * counted with one statement that adds its size only while the day's total stays within the limit.
 */
@Component
class UploadAllowance {

    private static final String CHARGE = """
            insert into tenant_upload_usage as usage (tenant_id, day, bytes) values (?, ?, ?)
            on conflict (tenant_id, day) do update set bytes = usage.bytes + excluded.bytes
            where usage.bytes + excluded.bytes <= ?
            returning bytes""";

    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();

    UploadAllowance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Counts the bytes when the day's total stays within {@code limit} ({@code null}: no limit); false otherwise. */
    boolean charge(TenantId tenant, long bytes, Long limit) {
        long max = limit == null ? Long.MAX_VALUE : limit;
        if (bytes > max) {
            return false;
        }
        List<Long> total = jdbc.queryForList(CHARGE, Long.class, tenant.value(), today(), bytes, max);
        return !total.isEmpty();
    }

    /** Gives back bytes counted for an upload that was refused afterwards. */
    void refund(TenantId tenant, long bytes) {
        jdbc.update("update tenant_upload_usage set bytes = greatest(0, bytes - ?) where tenant_id = ? and day = ?",
                bytes, tenant.value(), today());
    }

    /** The bytes the tenant uploaded today. */
    long today(TenantId tenant) {
        List<Long> total = jdbc.queryForList("select bytes from tenant_upload_usage where tenant_id = ? and day = ?",
                Long.class, tenant.value(), today());
        return total.isEmpty() ? 0 : total.get(0);
    }

    /** How long until the UTC day ends and the allowance is renewed. */
    Duration untilTomorrow() {
        Instant now = clock.instant();
        Instant tomorrow = LocalDate.now(clock).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Duration.between(now, tomorrow);
    }

    private Date today() {
        return Date.valueOf(LocalDate.now(clock));
    }
}
