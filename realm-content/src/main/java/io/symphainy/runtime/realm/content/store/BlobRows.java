package io.symphainy.runtime.realm.content.store;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tenant's blobs: bytes kept once per SHA-256. A blob lives while an upload or a staging refers to it. Both the
 * writer (an upsert) and the collector (a row lock) take the blob's row lock first, so a blob being referenced by a
 * concurrent transaction is never collected from under it.
 */
final class BlobRows {

    private final JdbcTemplate jdbc;

    BlobRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the bytes unless the tenant has them already, locking the row; true when this call stored them. */
    boolean store(String tenantId, String sha256, byte[] bytes) {
        Boolean inserted = jdbc.queryForObject("""
                insert into content_blob (tenant_id, sha256, size_bytes, bytes) values (?, ?, ?, ?)
                on conflict (tenant_id, sha256) do update set size_bytes = excluded.size_bytes
                returning (xmax = 0)""", Boolean.class, tenantId, sha256, bytes.length, bytes);
        return Boolean.TRUE.equals(inserted);
    }

    /** Locks the blob's row, if the tenant has it; to be called inside a transaction before referring to it. */
    boolean lock(String tenantId, String sha256) {
        return !jdbc.queryForList("select 1 from content_blob where tenant_id = ? and sha256 = ? for update",
                Integer.class, tenantId, sha256).isEmpty();
    }

    /** Deletes the blob when no upload and no staging refers to it any more; to be called inside a transaction. */
    void collectIfUnreferenced(String tenantId, String sha256) {
        if (!lock(tenantId, sha256)) {
            return;
        }
        jdbc.update("""
                delete from content_blob b where b.tenant_id = ? and b.sha256 = ?
                and not exists (select 1 from content_upload u where u.tenant_id = b.tenant_id and u.sha256 = b.sha256)
                and not exists (select 1 from content_staging s where s.tenant_id = b.tenant_id
                                and s.sha256 = b.sha256)""", tenantId, sha256);
    }
}
