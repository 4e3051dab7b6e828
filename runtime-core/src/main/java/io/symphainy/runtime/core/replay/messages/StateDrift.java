package io.symphainy.runtime.core.replay.messages;

/**
 * One field on which the State Surface differs from the state folded from the events.
 *
 * @param field    the field, e.g. {@code status} or {@code steps[1].attempts}
 * @param replayed what the events say, as text
 * @param recorded what the State Surface says, as text
 */
public record StateDrift(String field, String replayed, String recorded) {
}
