package io.symphainy.runtime.realm.content.embed;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-process all-MiniLM-L6-v2 model loads from its jar (no network) and ranks by meaning.
 */
class EmbedderTest {

    @Test
    void vectorsRankByMeaningNotSharedWords() {
        Embedder embedder = new Embedder();
        List<float[]> docs = embedder.embed(List.of(ContentFixtures.COOKING, ContentFixtures.ASTRONOMY));
        assertThat(docs.get(0)).hasSize(384);
        float[] query = embedder.embed("an Italian pasta dinner recipe");
        assertThat(Embedder.cosine(query, docs.get(0))).isGreaterThan(Embedder.cosine(query, docs.get(1)));
    }

    @Test
    void chunksOverlap() {
        List<String> chunks = Chunker.chunk("a b c d e f g h i j", 4, 1);
        assertThat(chunks).containsExactly("a b c d", "d e f g", "g h i j");
    }
}
