package io.symphainy.runtime.realm.content.embed;

import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_EMBEDDING_FAILED;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_EMPTY;
import static io.symphainy.runtime.realm.content.ContentFailureCodes.CONTENT_REF_NOT_FOUND;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.dataref.spi.DataReferenceDescriptor;
import io.symphainy.runtime.core.dataref.spi.DataReferences;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.store.ContentRefs;
import io.symphainy.runtime.realm.content.store.ChunkSetRow;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.ParsedDocumentRow;
import io.symphainy.runtime.realm.content.upload.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The embed step: the tenant's document cut into overlapping chunks, one all-MiniLM-L6-v2 vector per chunk, stored
 * in one transaction as a chunk set and an embedding set; and its compensation, which deletes both.
 */
@Component
public class EmbedSteps {

    private final ContentStore store;
    private final Embedder embedder;
    private final ContentProperties properties;

    EmbedSteps(ContentStore store, Embedder embedder, ContentProperties properties) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
    }

    /** Embeds the document parsed earlier in this execution, else the one named by {@code document_ref}. */
    public StepResult embed(StepContext context) {
        String tenant = context.tenantId().value();
        Optional<String> documentRef = ContentRefs.input(context, ContentRefs.DOCUMENT, "document_ref");
        Optional<ParsedDocumentRow> document = documentRef.flatMap(ref -> store.findDocument(tenant, ref));
        if (document.isEmpty()) {
            return StepResult.permanentFailure(CONTENT_REF_NOT_FOUND, "no document " + documentRef.orElse("(none)"));
        }
        if (properties.testKnobsEnabled() && Boolean.TRUE.equals(context.payload().get("fail_embedding"))) {
            return StepResult.permanentFailure(CONTENT_EMBEDDING_FAILED, "embedding failed as the payload asked");
        }
        List<String> chunks = Chunker.chunk(document.get().text(), properties.chunkWords(),
                properties.chunkOverlapWords());
        if (chunks.isEmpty()) {
            return StepResult.permanentFailure(CONTENT_EMPTY, "document " + documentRef.get() + " holds no text");
        }
        List<float[]> vectors = embedder.embed(chunks);
        String chunkSetRef = ContentRefs.idFor(context, ContentRefs.CHUNKS);
        String embeddingSetRef = ContentRefs.idFor(context, ContentRefs.EMBEDDINGS);
        store.saveChunks(tenant, context.sessionId().value(),
                new ChunkSetRow(chunkSetRef, embeddingSetRef, documentRef.get(), chunks, vectors));
        String chunkHash = Hashes.sha256(String.join("\u0000", chunks).getBytes(StandardCharsets.UTF_8));
        Map<String, String> chunker = Map.of("chunker", "words-" + properties.chunkWords() + "-overlap-"
                + properties.chunkOverlapWords());
        return DataReferences.success(
                Map.of(ContentRefs.CHUNKS, chunkSetRef, ContentRefs.EMBEDDINGS, embeddingSetRef),
                Map.of("chunk_count", chunks.size(), "dimensions", vectors.get(0).length),
                List.of(new DataReferenceDescriptor(chunkSetRef, ContentRefs.CHUNKS, List.of(documentRef.get()),
                                chunkHash, chunker, Map.of("chunk_count", chunks.size())),
                        new DataReferenceDescriptor(embeddingSetRef, ContentRefs.EMBEDDINGS, List.of(chunkSetRef),
                                null, Map.of("model", Embedder.MODEL),
                                Map.of("chunk_count", chunks.size(), "dimensions", vectors.get(0).length))));
    }

    /** Deletes the chunks and vectors this step stored. */
    public StepResult compensate(StepContext context) {
        String chunkSetRef = context.ownOutputs().references().get(ContentRefs.CHUNKS);
        if (chunkSetRef != null) {
            store.deleteChunks(context.tenantId().value(), chunkSetRef);
        }
        return StepResult.success();
    }
}
