package io.symphainy.runtime.realm.content.store;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
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

    /** Rows a search scan fetches per round trip. */
    private static final int SCAN_BATCH = 500;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlobRows blobs;

    /** A store on the given database; the application gets its instance from Spring. */
    public ContentStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.blobs = new BlobRows(jdbc);
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
            boolean createdBlob = blobs.store(request.tenantId(), request.sha256(), request.bytes());
            StoredUpload upload = new StoredUpload(request.refId(), request.filename(), request.sha256(),
                    request.bytes().length, createdBlob);
            insertUpload(request.tenantId(), request.sessionId(), request.executionId(), upload);
            return upload;
        });
    }

    /** Inserts an upload row; its blob must be stored and locked by the calling transaction. */
    void insertUpload(String tenantId, UUID sessionId, UUID executionId, StoredUpload upload) {
        jdbc.update("""
                insert into content_upload (ref_id, tenant_id, session_id, execution_id, sha256, filename,
                    size_bytes, created_blob) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                upload.refId(), tenantId, sessionId, executionId, upload.sha256(), upload.filename(),
                upload.sizeBytes(), upload.createdBlob());
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
     * Deletes the upload, and its bytes when no other upload or staging of the tenant refers to them any more.
     */
    public void deleteUpload(String tenantId, String refId) {
        transactions.executeWithoutResult(status -> findUpload(tenantId, refId).ifPresent(upload -> {
            jdbc.update("delete from content_upload where tenant_id = ? and ref_id = ?", tenantId, refId);
            blobs.collectIfUnreferenced(tenantId, upload.sha256());
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

    /** Stores a chunk set with its vectors (scaled to unit length) in one transaction, replacing an earlier attempt's. */
    public void saveChunks(String tenantId, UUID sessionId, ChunkSetRow chunkSet) {
        transactions.executeWithoutResult(status -> {
            jdbc.update("delete from content_chunk where tenant_id = ? and chunk_set_ref = ?", tenantId,
                    chunkSet.chunkSetRef());
            List<Object[]> rows = new java.util.ArrayList<>();
            for (int seq = 0; seq < chunkSet.texts().size(); seq++) {
                rows.add(new Object[] {chunkSet.chunkSetRef(), seq, tenantId, sessionId, chunkSet.documentRef(),
                        chunkSet.embeddingSetRef(), chunkSet.texts().get(seq), Vectors.toBytes(Vectors.normalised(chunkSet.vectors().get(seq)))});
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

    /**
     * Hands the tenant's chunks (or one session's), newest first and at most {@code limit}, to the consumer one at a
     * time: the rows are streamed from a server-side cursor in batches, never loaded all at once, and carry no text.
     *
     * @return how many chunks were handed over
     */
    public int scanVectors(String tenantId, UUID sessionId, int limit, Consumer<ChunkVector> consumer) {
        String sql = "select chunk_set_ref, seq, document_ref, embedding from content_chunk where tenant_id = ?"
                + (sessionId == null ? "" : " and session_id = ?") + " order by created_at desc limit ?";
        int[] scanned = {0};
        transactions.executeWithoutResult(status -> jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            statement.setFetchSize(SCAN_BATCH);
            int index = 1;
            statement.setString(index++, tenantId);
            if (sessionId != null) {
                statement.setObject(index++, sessionId);
            }
            statement.setInt(index, limit);
            return statement;
        }, (RowCallbackHandler) row -> {
            scanned[0]++;
            consumer.accept(new ChunkVector(row.getString(1), row.getInt(2), row.getString(3), row.getBytes(4)));
        }));
        return scanned[0];
    }

    /** The text of one of the tenant's chunks. */
    public Optional<String> chunkText(String tenantId, String chunkSetRef, int seq) {
        return jdbc.queryForList("select text from content_chunk where tenant_id = ? and chunk_set_ref = ? and seq = ?",
                String.class, tenantId, chunkSetRef, seq).stream().findFirst();
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
        if (!List.of("content_blob", "content_staging", "content_upload", "content_document",
                "content_chunk").contains(table)) {
            throw new IllegalArgumentException("not a content table: " + table);
        }
        Long count = jdbc.queryForObject("select count(*) from " + table + " where tenant_id = ?", Long.class,
                tenantId);
        return count == null ? 0 : count;
    }
}
