package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Each step's status and attempts as the saga's events tell them, in the State Surface's vocabulary, so that replay
 * can set the aggregate's own reading beside the projection's.
 */
final class StepTraces {

    private final List<String> status = new ArrayList<>();
    private final List<Integer> attempts = new ArrayList<>();
    private final List<String> compensation = new ArrayList<>();
    private List<PlannedStep> plan = List.of();

    void planned(List<PlannedStep> steps) {
        plan = List.copyOf(steps);
        steps.forEach(step -> {
            status.add("pending");
            attempts.add(0);
            compensation.add(null);
        });
    }

    void started(StepPhase phase, int step, int attempt) {
        if (phase == StepPhase.FORWARD) {
            status.set(step, "running");
            attempts.set(step, attempt);
        } else {
            compensation.set(step, "running");
        }
    }

    void ended(StepPhase phase, int step, String outcome) {
        if (phase == StepPhase.FORWARD) {
            status.set(step, outcome);
        } else {
            compensation.set(step, outcome);
        }
    }

    /** The index of the planned step with the given name. */
    int indexOf(String stepName) {
        return plan.stream().filter(step -> step.name().equals(stepName)).findFirst().orElseThrow().index();
    }

    List<StepSnapshot> snapshot() {
        List<StepSnapshot> steps = new ArrayList<>();
        for (PlannedStep step : plan) {
            int i = step.index();
            steps.add(new StepSnapshot(i, step.name(), status.get(i), attempts.get(i), compensation.get(i)));
        }
        return steps;
    }
}
