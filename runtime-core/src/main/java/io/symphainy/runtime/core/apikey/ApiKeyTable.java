package io.symphainy.runtime.core.apikey;

import static io.symphainy.runtime.core.common.JsonColumns.instant;
import static io.symphainy.runtime.core.common.JsonColumns.timestamp;

import io.symphainy.runtime.core.apikey.messages.ActiveApiKey;
import io.symphainy.runtime.core.apikey.messages.ApiKeyId;
import io.symphainy.runtime.core.apikey.messages.ApiKeyIssuedEvent;
import io.symphainy.runtime.core.apikey.messages.ApiKeyView;
import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind the {@code api_key} table, and the lookup that authenticates issued keys by their hash. Writes are
 * safe to repeat; reads for the API never select the hash.
 */
@Repository
public class ApiKeyTable {

    private final JdbcTemplate jdbc;

    ApiKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiKeyIssuedEvent e, Instant at) {
        jdbc.update("""
                insert into api_key (key_id, key_hash, tenant_id, user_id, roles, description, issued_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (key_id) do nothing""",
                e.keyId().value(), e.keyHash(), e.tenantId().value(), e.userId().value(), JsonColumns.write(e.roles()),
                e.description(), timestamp(at));
    }

    void markRevoked(ApiKeyId keyId, Instant at) {
        jdbc.update("update api_key set revoked_at = ? where key_id = ? and revoked_at is null", timestamp(at),
                keyId.value());
    }

    void clear() {
        jdbc.update("delete from api_key");
    }

    List<ApiKeyView> find(TenantId tenantId) {
        return jdbc.query("""
                select key_id, tenant_id, user_id, roles, description, issued_at, revoked_at from api_key
                where tenant_id = ? order by issued_at, key_id""", ApiKeyTable::view, tenantId.value());
    }

    /**
     * The grant of an issued key that is not revoked, by the lower-case hex SHA-256 of the presented key; the
     * authentication of the HTTP layer asks it for every request with a key it did not load from its keys file.
     */
    public Optional<ActiveApiKey> findActive(String keyHash) {
        return jdbc.query("select tenant_id, user_id, roles from api_key where key_hash = ? and revoked_at is null",
                (rs, row) -> new ActiveApiKey(new TenantId(rs.getString("tenant_id")),
                        new UserId(rs.getString("user_id")), JsonColumns.readStrings(rs.getString("roles"))),
                keyHash).stream().findFirst();
    }

    private static ApiKeyView view(ResultSet rs, int row) throws SQLException {
        return new ApiKeyView(new ApiKeyId(rs.getObject("key_id", UUID.class)), new TenantId(rs.getString("tenant_id")),
                new UserId(rs.getString("user_id")), JsonColumns.readStrings(rs.getString("roles")),
                rs.getString("description"), instant(rs.getTimestamp("issued_at")),
                instant(rs.getTimestamp("revoked_at")));
    }
}
