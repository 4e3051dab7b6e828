package io.symphainy.runtime.realm.content.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The content realm's tables in PostgreSQL: bytes by SHA-256 once per tenant, uploads, parsed documents and chunks
 * with their vectors. Every read and delete is scoped by tenant; every write is keyed by a data-reference id so that
 * a retried step rewrites the same rows.
 */
@Component
public class ContentStore {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ContentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Stores an upload under its reference id; the bytes are stored unless the tenant already has them. Storing the
     * same reference again answers what the first store did.
     */
    public StoredUpload storeUpload(UploadRequest request) {
        return transactions.execute(status -> {
            Optional<StoredUpload> earlier = findUpload(request.tenantId(), request.refId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            int inserted = jdbc.update("""
                    insert into content_blob (tenant_id, sha256, size_bytes, bytes) values (?, ?, ?, ?)
                    on conflict (tenant_id, sha256) do nothing""",
                    request.tenantId(), request.sha256(), request.bytes().length, request.bytes());
            boolean createdBlob = inserted == 1;
            jdbc.update("""
                    insert into content_upload (ref_id, tenant_id, session_id, execution_id, sha256, filename,
                        size_bytes, created_blob) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    request.refId(), request.tenantId(), request.sessionId(), request.executionId(), request.sha256(),
                    request.filename(), request.bytes().length, createdBlob);
            return new StoredUpload(request.refId(), request.filename(), request.sha256(), request.bytes().length,
                    createdBlob);
        });
    }

    /** The tenant's upload with the given reference id. */
    public Optional<StoredUpload> findUpload(String tenantId, String refId) {
        return jdbc.query("""
                        select ref_id, filename, sha256, size_bytes, created_blob from content_upload
                        where tenant_id = ? and ref_id = ?""",
                (row, n) -> new StoredUpload(row.getString(1), row.getString(2), row.getString(3), row.getLong(4),
                        row.getBoolean(5)), tenantId, refId).stream().findFirst();
    }

    /** The bytes of the tenant's upload. */
    public Optional<byte[]> uploadBytes(String tenantId, String refId) {
        return jdbc.query("""
                        select b.bytes from content_upload u
                        join content_blob b on b.tenant_id = u.tenant_id and b.sha256 = u.sha256
                        where u.tenant_id = ? and u.ref_id = ?""",
                (row, n) -> row.getBytes(1), tenantId, refId).stream().findFirst();
    }

    /**
     * Deletes the upload, and its bytes when this upload stored them and no other upload of the tenant uses them.
     */
    public void deleteUpload(String tenantId, String refId) {
        transactions.executeWithoutResult(status -> findUpload(tenantId, refId).ifPresent(upload -> {
            jdbc.update("delete from content_upload where tenant_id = ? and ref_id = ?", tenantId, refId);
            if (upload.createdBlob()) {
                jdbc.update("""
                        delete from content_blob b where b.tenant_id = ? and b.sha256 = ?
                        and not exists (select 1 from content_upload u where u.tenant_id = b.tenant_id
                                        and u.sha256 = b.sha256)""", tenantId, upload.sha256());
            }
        }));
    }

    /** Stores a parsed document under its reference id, replacing an earlier attempt's. */
    public void saveDocument(String tenantId, UUID sessionId, ParsedDocumentRow document) {
        jdbc.update("""
                insert into content_document (ref_id, tenant_id, session_id, upload_ref, media_type, text, metadata)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (ref_id) do update set text = excluded.text, metadata = excluded.metadata""",
                document.refId(), tenantId, sessionId, document.uploadRef(), document.mediaType(), document.text(),
                document.metadataJson());
    }

    /** The tenant's parsed document. */
    public Optional<ParsedDocumentRow> findDocument(String tenantId, String refId) {
        return jdbc.query("""
                        select ref_id, upload_ref, media_type, text, metadata::text from content_document
                        where tenant_id = ? and ref_id = ?""",
                (row, n) -> new ParsedDocumentRow(row.getString(1), row.getString(2), row.getString(3),
                        row.getString(4), row.getString(5)), tenantId, refId).stream().findFirst();
    }

    /** Deletes the tenant's parsed document. */
    public void deleteDocument(String tenantId, String refId) {
        jdbc.update("delete from content_document where tenant_id = ? and ref_id = ?", tenantId, refId);
    }

    /** Stores a chunk set with its vectors in one transaction, replacing an earlier attempt's. */
    public void saveChunks(String tenantId, UUID sessionId, ChunkSetRow chunkSet) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from content_chunk where tenant_id = ? and chunk_set_ref = ?", tenantId,
                    chunkSet.chunkSetRef());
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int seq = 0; seq < chunkSet.texts().size(); seq++) {
                rows.add(new Object[] {chunkSet.chunkSetRef(), seq, tenantId, sessionId, chunkSet.documentRef(),
                        chunkSet.embeddingSetRef(), chunkSet.texts().get(seq), toBytes(chunkSet.vectors().get(seq))});
            }
            jdbc.batchUpdate("""
                    insert into content_chunk (chunk_set_ref, seq, tenant_id, session_id, document_ref,
                        embedding_set_ref, text, embedding) values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        });
    }

    /** Deletes the tenant's chunk set and its vectors. */
    public void deleteChunks(String tenantId, String chunkSetRef) {
        jdbc.update("delete from content_chunk where tenant_id = ? and chunk_set_ref = ?", tenantId, chunkSetRef);
    }

    /** Every chunk of the tenant, or of one of its sessions when {@code sessionId} is given. */
    public List<StoredChunk> chunks(String tenantId, UUID sessionId) {
        String sql = "select chunk_set_ref, seq, document_ref, text, embedding from content_chunk where tenant_id = ?"
                + (sessionId == null ? "" : " and session_id = ?");
        Object[] args = sessionId == null ? new Object[] {tenantId} : new Object[] {tenantId, sessionId};
        return jdbc.query(sql, (row, n) -> new StoredChunk(row.getString(1), row.getInt(2), row.getString(3),
                row.getString(4), toFloats(row.getBytes(5))), args);
    }

    /** The text of the tenant's chunk set (for a chunk or embedding set reference), chunks in order. */
    public Optional<String> chunkSetText(String tenantId, String ref) {
        List<String> texts = jdbc.queryForList("""
                select text from content_chunk where tenant_id = ? and (chunk_set_ref = ? or embedding_set_ref = ?)
                order by seq""", String.class, tenantId, ref, ref);
        return texts.isEmpty() ? Optional.empty() : Optional.of(String.join("\n\n", texts));
    }

    /** Row counts of the tenant's content tables, for tests and operators checking for orphans. */
    public long countRows(String tenantId, String table) {
        if (!List.of("content_blob", "content_upload", "content_document", "content_chunk").contains(table)) {
            throw new IllegalArgumentException("not a content table: " + table);
        }
        Long count = jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class,
                tenantId);
        return count == null ? 0 : count;
    }

    static byte[] toBytes(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] toFloats(byte[] bytes) {
        float[] vector = new float[bytes.length / Float.BYTES];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
