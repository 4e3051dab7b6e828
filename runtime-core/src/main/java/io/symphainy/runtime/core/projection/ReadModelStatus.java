package io.symphainy.runtime.core.projection;

/**
 * Where one read model stands: the processor feeding it (the shared one, or its rebuild), the position up to which
 * that processor has handled the event store, and whether it runs without error.
 *
 * @param name        the read model
 * @param rebuildable whether an operator may rebuild it
 * @param processor   the processor feeding it now
 * @param segments    the segments of that processor this node processes
 * @param position    the event-store position handled, {@code null} before the first
 * @param rebuilding  whether it is being rebuilt
 * @param healthy     whether its processor runs and is not in error
 */
public record ReadModelStatus(String name, boolean rebuildable, String processor, int segments, Long position,
                              boolean rebuilding, boolean healthy) {
}
