package io.symphainy.runtime.core.dataref;

import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.dataref.messages.DataReferenceView;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SQL of the {@code data_reference} table behind the {@code data-references} projection.
 */
@Component
class DataReferenceTable {

    static final String ACTIVE = "active";
    static final String DELETED = "deleted";

    private final JdbcTemplate jdbc;

    DataReferenceTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void register(StepSucceededEvent event, String sessionId, DataReferenceDescriptor descriptor, Instant at) {
        jdbc.update("""
                insert into data_reference (ref_id, tenant_id, kind, session_id, execution_id, step_index, step_name,
                    source_refs, content_hash, versions, attributes, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, cast(? as jsonb), cast(? as jsonb), ?, ?)
                on conflict (ref_id) do nothing""",
                descriptor.refId(), event.tenantId().value(), descriptor.kind(),
                sessionId == null ? null : UUID.fromString(sessionId), event.executionId().value(),
                event.stepIndex(), event.stepName(), JsonColumns.write(descriptor.sourceRefs()),
                descriptor.contentHash(), JsonColumns.write(descriptor.versions()),
                JsonColumns.write(descriptor.attributes()), ACTIVE, JsonColumns.timestamp(at));
    }

    void markDeleted(String tenantId, UUID executionId, int stepIndex) {
        jdbc.update("update data_reference set status = ? where tenant_id = ? and execution_id = ? and step_index = ?",
                DELETED, tenantId, executionId, stepIndex);
    }

    Optional<DataReferenceView> find(String tenantId, String refId) {
        return jdbc.query("select * from data_reference where tenant_id = ? and ref_id = ?", DataReferenceTable::view,
                tenantId, refId).stream().findFirst();
    }

    void clear() {
        jdbc.update("delete from data_reference");
    }

    private static DataReferenceView view(ResultSet row, int number) throws SQLException {
        Object session = row.getObject("session_id");
        return new DataReferenceView(row.getString("ref_id"), row.getString("tenant_id"), row.getString("kind"),
                session == null ? null : session.toString(), row.getObject("execution_id").toString(),
                row.getString("step_name"), JsonColumns.readStrings(row.getString("source_refs")),
                row.getString("content_hash"), JsonColumns.readMap(row.getString("versions")),
                JsonColumns.readMap(row.getString("attributes")), row.getString("status"),
                JsonColumns.instant(row.getTimestamp("created_at")));
    }
}
