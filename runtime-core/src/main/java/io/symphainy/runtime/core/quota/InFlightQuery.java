package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts a tenant's executions in flight in the State Surface: accepted, running or compensating. One held for
 * approval is not in flight until it is approved.
 */
@Component
class InFlightQuery {

    private static final String COUNT =
            "select count(*) from execution_state where tenant_id = ? and status in (?, ?, ?)";

    private final JdbcTemplate jdbc;

    InFlightQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long inFlight(TenantId tenant) {
        Long count = jdbc.queryForObject(COUNT, Long.class, tenant.value(), ExecutionStatus.ACCEPTED.wireName(),
                ExecutionStatus.RUNNING.wireName(), ExecutionStatus.COMPENSATING.wireName());
        return count == null ? 0 : count;
    }
}
