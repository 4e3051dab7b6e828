package io.symphainy.runtime.realm.content.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Staged bytes: stored (by SHA-256, once per tenant) before the intent that uploads them is submitted, so that the
 * intent carries a staging reference instead of the bytes. A staging ends in exactly one of three ways: an upload
 * step claims it, the intent is refused and it is discarded, or it outlives the grace period and is purged. Its
 * blob goes with it unless an upload or another staging still refers to the same bytes.
 */
@Component
public class StagingStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlobRows blobs;
    private final ContentStore uploads;

    StagingStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ContentStore uploads) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.blobs = new BlobRows(jdbc);
        this.uploads = uploads;
    }

    /** Stores the bytes (unless the tenant has them) and a staging row naming them, in one transaction. */
    public StagedBlob stage(String tenantId, String sha256, String filename, String mediaType, byte[] bytes) {
        return transactions.execute(status -> {
            boolean createdBlob = blobs.store(tenantId, sha256, bytes);
            StagedBlob staged = new StagedBlob(UUID.randomUUID(), sha256, bytes.length, filename, mediaType,
                    createdBlob);
            jdbc.update("""
                    insert into content_staging (staging_id, tenant_id, sha256, size_bytes, filename, media_type,
                        created_blob) values (?, ?, ?, ?, ?, ?, ?)""", staged.stagingId(), tenantId, sha256,
                    staged.sizeBytes(), filename, mediaType, createdBlob);
            return staged;
        });
    }

    /**
     * Turns the tenant's staging into the upload {@code refId} and ends the staging, in one transaction. Claiming
     * again for the same upload answers the upload stored the first time; a staging of another tenant, or one that
     * no longer exists, or whose hash differs, answers empty.
     */
    public Optional<StoredUpload> claim(String tenantId, UUID stagingId, String sha256, String refId,
                                        UUID sessionId, UUID executionId) {
        return transactions.execute(status -> {
            Optional<StoredUpload> earlier = uploads.findUpload(tenantId, refId);
            if (earlier.isPresent()) {
                return earlier;
            }
            Optional<StagedBlob> staged = lockStaging(tenantId, stagingId).filter(row -> row.sha256().equals(sha256));
            if (staged.isEmpty() || !blobs.lock(tenantId, sha256)) {
                return Optional.empty();
            }
            StoredUpload upload = new StoredUpload(refId, staged.get().filename(), sha256, staged.get().sizeBytes(),
                    staged.get().createdBlob());
            uploads.insertUpload(tenantId, sessionId, executionId, upload);
            jdbc.update("delete from content_staging where staging_id = ?", stagingId);
            return Optional.of(upload);
        });
    }

    /** Ends the tenant's staging (its intent was refused), collecting the blob if nothing else refers to it. */
    public void discard(String tenantId, UUID stagingId) {
        transactions.executeWithoutResult(status -> lockStaging(tenantId, stagingId).ifPresent(staged -> {
            jdbc.update("delete from content_staging where staging_id = ?", stagingId);
            blobs.collectIfUnreferenced(tenantId, staged.sha256());
        }));
    }

    /** Purges every staging staged before the cutoff, with the blobs nothing else refers to; returns how many. */
    public int purgeStagedBefore(Instant cutoff) {
        List<Object[]> expired = jdbc.query("""
                        select tenant_id, staging_id from content_staging where staged_at < ? order by staged_at""",
                (row, n) -> new Object[] {row.getString(1), row.getObject(2, UUID.class)}, Timestamp.from(cutoff));
        expired.forEach(row -> discard((String) row[0], (UUID) row[1]));
        return expired.size();
    }

    /** Whether the tenant's staging still exists. */
    public boolean exists(String tenantId, UUID stagingId) {
        return !jdbc.queryForList("select 1 from content_staging where tenant_id = ? and staging_id = ?",
                Integer.class, tenantId, stagingId).isEmpty();
    }

    private Optional<StagedBlob> lockStaging(String tenantId, UUID stagingId) {
        return jdbc.query("""
                        select staging_id, sha256, size_bytes, filename, media_type, created_blob from content_staging
                        where tenant_id = ? and staging_id = ? for update""",
                (row, n) -> new StagedBlob(row.getObject(1, UUID.class), row.getString(2), row.getLong(3),
                        row.getString(4), row.getString(5), row.getBoolean(6)), tenantId, stagingId)
                .stream().findFirst();
    }
}
