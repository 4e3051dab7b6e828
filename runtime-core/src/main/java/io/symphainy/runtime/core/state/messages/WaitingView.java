package io.symphainy.runtime.core.state.messages;

import java.time.Instant;

/**
 * Why an execution waits instead of running, as its status shows it.
 *
 * @param state  what it waits for: {@value #WAITING_FOR_VERSION}
 * @param reason the reason in words, naming the capability and version
 * @param since  when it began to wait
 */
public record WaitingView(String state, String reason, Instant since) {

    /** The state of an execution whose current attempt waits for a node with its capability version. */
    public static final String WAITING_FOR_VERSION = "waiting_for_version";
}
