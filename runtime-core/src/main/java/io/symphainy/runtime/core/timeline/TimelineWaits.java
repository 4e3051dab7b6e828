package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.execution.messages.AwaitedStartTakenOverEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.AwaitedStepTakenOverEvent;
import io.symphainy.runtime.core.saga.messages.SignalDeliveredEvent;
import io.symphainy.runtime.core.saga.messages.SignalKeptEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingCapabilityVersionEvent;
import io.symphainy.runtime.core.saga.messages.StepAwaitingSignalEvent;

/**
 * The audit timeline's reading of waits: for a node with a capability version (of an attempt, or of an execution not
 * started yet), and for a signal.
 */
final class TimelineWaits {

    private TimelineWaits() {
    }

    /** The facts of a wait event; {@code null} for any other event. */
    static TimelineFacts describe(Object event) {
        if (event instanceof ExecutionAwaitingCapabilityVersionEvent e) {
            return TimelineFacts.of("waits to start: " + e.reason());
        }
        if (event instanceof AwaitedStartTakenOverEvent e) {
            return TimelineFacts.of("taken over to start by a node with " + e.capability() + " version "
                    + e.capabilityVersion());
        }
        if (event instanceof StepAwaitingCapabilityVersionEvent e) {
            return TimelineFacts.step(TimelineRules.step(e.stepName(), e.attempt()) + " waits: " + e.reason(), e.stepName(),
                    e.attempt(), null);
        }
        if (event instanceof AwaitedStepTakenOverEvent e) {
            return TimelineFacts.step(TimelineRules.step(e.stepName(), e.attempt()) + " taken over by a node with "
                    + e.capability() + " version " + e.capabilityVersion(), e.stepName(), e.attempt(), null);
        }
        if (event instanceof StepAwaitingSignalEvent e) {
            return TimelineFacts.step(TimelineRules.step(e.stepName(), e.attempt()) + " waits for signal '" + e.signal() + "' until "
                    + e.deadline(), e.stepName(), e.attempt(), null);
        }
        if (event instanceof SignalKeptEvent e) {
            return TimelineFacts.step("signal '" + e.signal() + "' kept for step " + e.stepName()
                    + ", which does not wait yet", e.stepName(), 0, null);
        }
        if (event instanceof SignalDeliveredEvent e) {
            return TimelineFacts.step("signal '" + e.signal() + "' delivered to " + TimelineRules.step(e.stepName(), e.attempt()),
                    e.stepName(), e.attempt(), null);
        }
        return null;
    }
}
