package io.symphainy.runtime.api.runtime;

/**
 * One projection as {@code GET /runtime/projections} shows it: the processor feeding it now ({@code read-models} for
 * a live read model, {@code rebuild-<name>} during its rebuild), its position (the lowest of that processor's
 * segments), the event store's head, the lag between them, whether it is being rebuilt, and the progress of the last
 * rebuild started on this node ({@code null} if none).
 */
public record ProjectionView(String name, String processor, boolean rebuildable, int segments, Long position,
                             Long headPosition, Long lag, boolean replaying, RebuildProgress rebuild) {
}
