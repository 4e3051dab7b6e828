package io.symphainy.runtime.realm.content.store;

/**
 * One stored chunk and its vector.
 */
public record StoredChunk(String chunkSetRef, int seq, String documentRef, String text, float[] vector) {
}
