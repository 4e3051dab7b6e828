package io.symphainy.runtime.realm.content.store;

/**
 * A stored chunk's key and its packed unit vector, as a search scan hands it over (without the chunk's text).
 */
public record ChunkVector(String chunkSetRef, int seq, String documentRef, byte[] embedding) {
}
