package io.symphainy.runtime.core.common;

import io.symphainy.runtime.core.common.messages.TimeOrderedIds;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers for messages (every recorded event's {@code event_identifier} among them) made by
 * {@link TimeOrderedIds}: registered in {@code META-INF/services}, where Axon looks for its identifier factory.
 */
public final class TimeOrderedEventIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
