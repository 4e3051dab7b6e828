package io.symphainy.runtime.realm.content.embed;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits text into overlapping windows of words, small enough for the embedding model's input.
 */
public final class Chunker {

    private Chunker() {
    }

    /** Chunks of {@code size} words, each sharing {@code overlap} words with the one before. */
    public static List<String> chunk(String text, int size, int overlap) {
        String[] words = text.strip().split("\\s+");
        if (words.length == 0 || words[0].isEmpty()) {
            return List.of();
        }
        List<String> chunks = new ArrayList<>();
        int step = size - overlap;
        for (int start = 0; start < words.length; start += step) {
            int end = Math.min(words.length, start + size);
            chunks.add(String.join(" ", Arrays.copyOfRange(words, start, end)));
            if (end == words.length) {
                break;
            }
        }
        return chunks;
    }
}
