package io.symphainy.runtime.core.state;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The accepted executions the State Surface shows waiting, not started, for a node with their capability version
 * (approved, or resumed, on a node that lacked it): what every node's scan of waiting starts reads.
 */
@Component
public class ExecutionsAwaitingVersion {

    /** One execution waiting to start, as recorded. */
    public record AwaitingStart(ExecutionId executionId, TenantId tenantId, SessionId sessionId, String capability,
                                String capabilityVersion) {
    }

    private final JdbcTemplate jdbc;

    ExecutionsAwaitingVersion(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The executions waiting to start, at most {@code limit}, longest waiting first. */
    public List<AwaitingStart> awaitingVersion(int limit) {
        return jdbc.query("""
                select execution_id, tenant_id, session_id, capability, capability_version from execution_state
                where status = 'accepted' and waiting_reason is not null order by waiting_since limit ?""",
                (row, n) -> {
                    UUID session = row.getObject(3, UUID.class);
                    return new AwaitingStart(new ExecutionId(row.getObject(1, UUID.class)),
                            new TenantId(row.getString(2)), session == null ? null : new SessionId(session),
                            row.getString(4), row.getString(5));
                },
                limit);
    }
}
