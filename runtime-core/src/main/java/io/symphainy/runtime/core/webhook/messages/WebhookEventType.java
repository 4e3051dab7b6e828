package io.symphainy.runtime.core.webhook.messages;

import java.util.Arrays;
import java.util.Optional;

/**
 * The execution events a webhook endpoint can subscribe to, with the names receivers see.
 */
public enum WebhookEventType {
    /** An execution waits for an approver. */
    EXECUTION_AWAITING_APPROVAL("execution.awaiting_approval"),
    /** A step of an execution waits for a signal. */
    EXECUTION_WAITING("execution.waiting"),
    /** An execution completed. */
    EXECUTION_COMPLETED("execution.completed"),
    /** An execution failed. */
    EXECUTION_FAILED("execution.failed"),
    /** An execution failed and its completed steps were compensated. */
    EXECUTION_COMPENSATED("execution.compensated");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the API, in the {@code X-Symphainy-Event} header and in delivery bodies. */
    public String wireName() {
        return wireName;
    }

    /** The type with the given wire name; empty for any other text. */
    public static Optional<WebhookEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
