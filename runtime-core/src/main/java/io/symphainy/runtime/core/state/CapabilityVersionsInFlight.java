package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.capability.spi.CapabilityVersions;
import io.symphainy.runtime.core.common.messages.TenantId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many of a tenant's executions are in flight (accepted, running or compensating) on each capability version, read
 * from the State Surface: an operator sees when an old version has drained.
 */
@Component
public class CapabilityVersionsInFlight {

    /** The executions in flight on one version of one capability. */
    public record InFlight(String capability, String version, long executions) {
    }

    private final JdbcTemplate jdbc;

    CapabilityVersionsInFlight(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The tenant's executions in flight, by capability and version. */
    public List<InFlight> of(TenantId tenantId) {
        return jdbc.query("""
                select capability, capability_version, count(*) from execution_state
                where tenant_id = ? and status in ('accepted', 'running', 'compensating') and capability is not null
                group by capability, capability_version""",
                (row, n) -> new InFlight(row.getString(1), CapabilityVersions.orDefault(row.getString(2)),
                        row.getLong(3)),
                tenantId.value());
    }
}
