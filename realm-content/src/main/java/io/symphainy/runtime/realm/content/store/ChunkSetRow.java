package io.symphainy.runtime.realm.content.store;

import java.util.List;

/**
 * A document's chunks with one vector per chunk, registered as a chunk set and an embedding set.
 */
public record ChunkSetRow(String chunkSetRef, String embeddingSetRef, String documentRef, List<String> texts,
                          List<float[]> vectors) {

    public ChunkSetRow {
        if (texts.size() != vectors.size()) {
            throw new IllegalArgumentException("one vector per chunk is required");
        }
    }
}
