package io.symphainy.runtime.realm.content.search;

import io.symphainy.runtime.realm.content.store.ChunkVector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The k best-scored chunks seen so far, in a min-heap of at most k entries: memory stays bounded by k whatever the
 * number of chunks offered. Ties keep the chunk offered first (the newest, in a search scan).
 */
final class TopK {

    /** A chunk with its score; {@code order} is its position in the scan. */
    record Scored(ChunkVector chunk, double score, long order) {
    }

    private static final Comparator<Scored> WORST_FIRST = Comparator.comparingDouble(Scored::score)
            .thenComparing(Comparator.comparingLong(Scored::order).reversed());

    private final int k;
    private final PriorityQueue<Scored> heap;
    private long offered;

    TopK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1");
        }
        this.k = k;
        this.heap = new PriorityQueue<>(k + 1, WORST_FIRST);
    }

    /** Keeps the chunk if it is among the k best so far. */
    void offer(ChunkVector chunk, double score) {
        Scored scored = new Scored(chunk, score, offered++);
        if (heap.size() < k) {
            heap.add(scored);
        } else if (WORST_FIRST.compare(scored, heap.peek()) > 0) {
            heap.poll();
            heap.add(scored);
        }
    }

    /** The kept chunks, best first. */
    List<Scored> descending() {
        List<Scored> sorted = new ArrayList<>(heap);
        sorted.sort(WORST_FIRST.reversed());
        return sorted;
    }
}
