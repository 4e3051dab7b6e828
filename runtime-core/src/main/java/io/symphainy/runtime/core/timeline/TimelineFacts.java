package io.symphainy.runtime.core.timeline;

/**
 * What the audit timeline derives from one event: its one-line summary, its outcome when it ends the execution,
 * and the step, attempt and duration when the event is about a step.
 */
public record TimelineFacts(String summary, String outcome, String stepName, Integer attempt, Long durationMillis) {

    static TimelineFacts of(String summary) {
        return new TimelineFacts(summary, null, null, null, null);
    }

    static TimelineFacts ending(String summary, String outcome) {
        return new TimelineFacts(summary, outcome, null, null, null);
    }

    static TimelineFacts step(String summary, String stepName, int attempt, Long durationMillis) {
        return new TimelineFacts(summary, null, stepName, attempt, durationMillis);
    }
}
