package io.symphainy.runtime.realm.content.search;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.realm.content.ContentFailureCodes;
import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.StoredChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Semantic search over the tenant's chunks (optionally one session's): cosine similarity of all-MiniLM-L6-v2
 * vectors, computed in Java. Results are recorded as facts: refs, scores and snippets, and the matched text when
 * {@code hydrate} is true.
 */
@Component
public class SearchStep {

    private static final int SNIPPET_CHARS = 200;

    private final ContentStore store;
    private final Embedder embedder;

    SearchStep(ContentStore store, Embedder embedder) {
        this.store = store;
        this.embedder = embedder;
    }

    /** Ranks the tenant's chunks against the query. */
    public StepResult search(StepContext context) {
        Map<String, Object> payload = context.payload();
        String query = String.valueOf(payload.get("query"));
        int topK = payload.get("top_k") instanceof Number number ? number.intValue() : 5;
        boolean hydrate = Boolean.TRUE.equals(payload.get("hydrate"));
        UUID session;
        try {
            session = payload.get("session_id") instanceof String id ? UUID.fromString(id) : null;
        } catch (IllegalArgumentException e) {
            return StepResult.permanentFailure(ContentFailureCodes.CONTENT_INPUT_INVALID, "session_id is not a UUID");
        }
        float[] target = embedder.embed(query);
        List<Map<String, Object>> results = new ArrayList<>();
        store.chunks(context.tenantId().value(), session).stream()
                .map(chunk -> Map.entry(chunk, Embedder.cosine(target, chunk.vector())))
                .sorted(Map.Entry.<StoredChunk, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(topK)
                .forEach(hit -> results.add(result(hit.getKey(), hit.getValue(), hydrate)));
        return StepResult.success(Map.of(), Map.of("results", results, "model", Embedder.MODEL));
    }

    private static Map<String, Object> result(StoredChunk chunk, double score, boolean hydrate) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("chunk_set_ref", chunk.chunkSetRef());
        result.put("chunk_index", chunk.seq());
        result.put("document_ref", chunk.documentRef());
        result.put("score", Math.round(score * 10000) / 10000.0);
        String text = chunk.text();
        result.put("snippet", text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…");
        if (hydrate) {
            result.put("text", text);
        }
        return result;
    }
}
