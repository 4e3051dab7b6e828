package io.symphainy.runtime.api.stream;

import io.symphainy.runtime.core.wal.WalScope;

/**
 * A stream the handshake accepted: what to follow and where to start, kept in the WebSocket session's attributes.
 *
 * @param scope the caller's execution or session
 * @param after the position to resume strictly after; 0 for the first recorded event
 */
record StreamRequest(WalScope scope, long after) {

    /** The attribute of the WebSocket session that holds the request. */
    static final String ATTRIBUTE = StreamRequest.class.getName();
}
