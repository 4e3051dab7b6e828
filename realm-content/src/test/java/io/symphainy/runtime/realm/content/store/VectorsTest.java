package io.symphainy.runtime.realm.content.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stored vectors are unit length, so the dot product read from their bytes equals the cosine similarity.
 */
class VectorsTest {

    @Test
    void normalisedVectorsHaveUnitLengthAndKeepTheirDirection() {
        float[] unit = Vectors.normalised(new float[] {3, 4});
        assertThat(unit[0]).isCloseTo(0.6f, within(1e-6f));
        assertThat(unit[1]).isCloseTo(0.8f, within(1e-6f));
        assertThat(Vectors.normalised(new float[] {0, 0})).containsExactly(0, 0);
    }

    @Test
    void dotOfStoredBytesIsTheCosineOfTheOriginalVectors() {
        float[] a = {1, 2, 3, 4};
        float[] b = {-2, 0.5f, 7, 1};
        double dot = Vectors.dot(Vectors.normalised(a), Vectors.toBytes(Vectors.normalised(b)));
        assertThat(dot).isCloseTo(Embedder.cosine(a, b), within(1e-6));
    }

    @Test
    void miniLmVectorsAreAlreadyUnitLengthSoRowsStoredBeforeNormalisingScoreTheSame() {
        Embedder embedder = new Embedder();
        for (float[] vector : embedder.embed(List.of(ContentFixtures.COOKING, ContentFixtures.ASTRONOMY))) {
            assertThat(Vectors.dot(vector, Vectors.toBytes(vector))).isCloseTo(1.0, within(1e-4));
        }
    }
}
