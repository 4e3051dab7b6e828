package io.symphainy.runtime.realm.content.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.realm.content.store.ChunkVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The bounded top-k keeps exactly the k best of any stream, best first, earlier chunks winning ties.
 */
class TopKTest {

    @Test
    void keepsTheKBestOfAStreamBestFirst() {
        Random random = new Random(7);
        TopK best = new TopK(5);
        List<Double> scores = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double score = random.nextDouble() * 2 - 1;
            scores.add(score);
            best.offer(chunk(i), score);
        }
        List<Double> expected = scores.stream().sorted(Comparator.reverseOrder()).limit(5).toList();
        assertThat(best.descending()).extracting(TopK.Scored::score).containsExactlyElementsOf(expected);
    }

    @Test
    void fewerChunksThanKAreAllKept() {
        TopK best = new TopK(10);
        best.offer(chunk(0), 0.1);
        best.offer(chunk(1), 0.9);
        assertThat(best.descending()).extracting(scored -> scored.chunk().seq()).containsExactly(1, 0);
    }

    @Test
    void tiesKeepTheChunkOfferedFirst() {
        TopK best = new TopK(2);
        best.offer(chunk(0), 0.5);
        best.offer(chunk(1), 0.5);
        best.offer(chunk(2), 0.5);
        assertThat(best.descending()).extracting(scored -> scored.chunk().seq()).containsExactly(0, 1);
    }

    @Test
    void kMustBePositive() {
        assertThatThrownBy(() -> new TopK(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ChunkVector chunk(int seq) {
        return new ChunkVector("set", seq, "doc", new byte[0]);
    }
}
