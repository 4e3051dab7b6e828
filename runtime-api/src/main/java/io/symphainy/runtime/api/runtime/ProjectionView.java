package io.symphainy.runtime.api.runtime;

/**
 * One tracking processor as {@code GET /runtime/projections} shows it: its position (the lowest of its segments),
 * the event store's head, the lag between them, whether it replays, and the progress of the last rebuild started on this
 * node ({@code null} if none).
 */
public record ProjectionView(String name, boolean rebuildable, int segments, Long position, Long headPosition,
                             Long lag, boolean replaying, RebuildProgress rebuild) {
}
