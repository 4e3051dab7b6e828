package io.symphainy.runtime.core.policy;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.readMap;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;
import static io.symphainy.runtime.core.common.JsonColumns.write;

import io.symphainy.runtime.core.policy.messages.FindCurrentPolicyQuery;
import io.symphainy.runtime.core.policy.messages.FindPolicyVersionQuery;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PolicyVersionView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every published version of every tenant's policy, in its published form, for administrators and auditors.
 */
@Component
@ProcessingGroup(PolicyVersionProjection.PROCESSING_GROUP)
public class PolicyVersionProjection {

    /** The processing group, and name, of this projection's processor. */
    public static final String PROCESSING_GROUP = "policy-versions";

    private final JdbcTemplate jdbc;

    PolicyVersionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PolicyPublishedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                insert into policy_version (tenant_id, version, document, published_by, published_at)
                values (?, ?, ?, ?, ?) on conflict (tenant_id, version) do nothing""",
                event.tenantId().value(), event.version(), write(PolicyDocumentWriter.write(event.document())),
                event.publishedBy() == null ? null : event.publishedBy().value(), timestamp(at));
    }

    @ResetHandler
    void reset() {
        jdbc.update("delete from policy_version");
    }

    @QueryHandler
    public Optional<PolicyVersionView> handle(FindCurrentPolicyQuery query) {
        return jdbc.query("select * from policy_version where tenant_id = ? order by version desc limit 1",
                PolicyVersionProjection::view, query.tenantId().value()).stream().findFirst();
    }

    @QueryHandler
    public Optional<PolicyVersionView> handle(FindPolicyVersionQuery query) {
        return jdbc.query("select * from policy_version where tenant_id = ? and version = ?",
                PolicyVersionProjection::view, query.tenantId().value(), query.version()).stream().findFirst();
    }

    private static PolicyVersionView view(ResultSet row, int n) throws SQLException {
        return new PolicyVersionView(row.getString("tenant_id"), row.getInt("version"),
                readMap(row.getString("document")), row.getString("published_by"),
                instant(row.getTimestamp("published_at")));
    }
}
