package io.symphainy.runtime.realm.content.search;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.realm.content.ContentFailureCodes;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.store.ContentStore;
import io.symphainy.runtime.realm.content.store.Vectors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Semantic search over the tenant's chunks (optionally one session's): the stored unit vectors are streamed newest
 * first, at most {@code runtime.content.search-max-candidates} of them, and scored by their dot product with the
 * query's unit vector (their cosine similarity) into a bounded top-k; only the winners' texts are read. Results are
 * recorded as facts: refs, scores and snippets, and the matched text when {@code hydrate} is true.
 */
@Component
public class SearchStep {

    private static final int SNIPPET_CHARS = 200;

    private final ContentStore store;
    private final Embedder embedder;
    private final ContentProperties properties;

    /** A search step over the given store; the application gets its instance from Spring. */
    public SearchStep(ContentStore store, Embedder embedder, ContentProperties properties) {
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
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
        String tenant = context.tenantId().value();
        float[] target = Vectors.normalised(embedder.embed(query));
        TopK best = new TopK(topK);
        int cap = properties.searchMaxCandidates();
        int scanned = store.scanVectors(tenant, session, cap,
                chunk -> best.offer(chunk, Vectors.dot(target, chunk.embedding())));
        List<Map<String, Object>> results = new ArrayList<>();
        for (TopK.Scored hit : best.descending()) {
            String text = store.chunkText(tenant, hit.chunk().chunkSetRef(), hit.chunk().seq()).orElse("");
            results.add(result(hit, text, hydrate));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("results", results);
        facts.put("model", Embedder.MODEL);
        facts.put("candidates_scored", scanned);
        facts.put("candidates_capped", scanned == cap);
        return StepResult.success(Map.of(), facts);
    }

    private static Map<String, Object> result(TopK.Scored hit, String text, boolean hydrate) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("chunk_set_ref", hit.chunk().chunkSetRef());
        result.put("chunk_index", hit.chunk().seq());
        result.put("document_ref", hit.chunk().documentRef());
        result.put("score", Math.round(hit.score() * 10000) / 10000.0);
        result.put("snippet", text.length() <= SNIPPET_CHARS ? text : text.substring(0, SNIPPET_CHARS) + "…");
        if (hydrate) {
            result.put("text", text);
        }
        return result;
    }
}
