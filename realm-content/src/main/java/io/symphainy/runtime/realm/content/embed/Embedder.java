package io.symphainy.runtime.realm.content.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Vectors of all-MiniLM-L6-v2 (384 dimensions) computed in-process; the model ships inside its jar. It is loaded on
 * the first text to embed, not at start: loading it takes seconds, and a node that never embeds need not pay them.
 */
@Component
public class Embedder {

    /** The model that produced a vector, recorded in provenance. */
    public static final String MODEL = "all-MiniLM-L6-v2/langchain4j-embeddings-1.12.2-beta22";

    private final SingletonSupplier<AllMiniLmL6V2EmbeddingModel> model =
            SingletonSupplier.of(AllMiniLmL6V2EmbeddingModel::new);

    /** One vector per text, in order. */
    public List<float[]> embed(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        List<float[]> vectors = new ArrayList<>();
        for (Embedding embedding : model.obtain().embedAll(segments).content()) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    /** The vector of one text. */
    public float[] embed(String text) {
        return model.obtain().embed(text).content().vector();
    }

    /** Cosine similarity of two vectors of the same length. */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
