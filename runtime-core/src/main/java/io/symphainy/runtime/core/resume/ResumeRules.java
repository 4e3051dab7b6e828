package io.symphainy.runtime.core.resume;

import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import io.symphainy.runtime.core.saga.messages.StepCompensatedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which recorded step outputs a resumption reuses, decided from the resumed execution's saga events alone.
 *
 * <p>A step's output is reusable when its saga recorded it (a {@code StepSucceededEvent}, or a
 * {@code StepOutputReusedEvent} when that execution itself was a resumption) and recorded no
 * {@code StepCompensatedEvent} for it; a step whose compensation failed was not compensated, so its output stands.
 * The resumption reuses the longest leading run of such steps whose names still match today's plan, and starts at
 * the first step after it. A compensated execution usually reuses nothing: compensation undoes from the latest step
 * back, so its first step is compensated unless it has no compensation.
 */
public final class ResumeRules {

    private ResumeRules() {
    }

    /**
     * The leading steps of {@code plan} whose recorded outputs stand in {@code sagaEvents}.
     *
     * @param resumed    the execution whose saga recorded the events
     * @param sagaEvents the payloads of that saga's events, in order
     * @param plan       the capability's plan as registered today
     */
    public static List<ReusedStep> reusableSteps(ExecutionId resumed, List<?> sagaEvents, List<PlannedStep> plan) {
        Map<Integer, ReusedStep> outputs = new HashMap<>();
        Set<Integer> compensated = new HashSet<>();
        for (Object event : sagaEvents) {
            if (event instanceof StepSucceededEvent done) {
                outputs.put(done.stepIndex(), new ReusedStep(resumed, done.stepIndex(), done.stepName(),
                        done.references(), done.facts()));
            } else if (event instanceof StepOutputReusedEvent reused) {
                outputs.put(reused.stepIndex(), new ReusedStep(resumed, reused.stepIndex(), reused.stepName(),
                        reused.references(), reused.facts()));
            } else if (event instanceof StepCompensatedEvent undone) {
                compensated.add(undone.stepIndex());
            }
        }
        List<ReusedStep> reusable = new ArrayList<>();
        for (PlannedStep step : plan) {
            ReusedStep output = outputs.get(step.index());
            if (output == null || compensated.contains(step.index()) || !output.stepName().equals(step.name())) {
                break;
            }
            reusable.add(output);
        }
        return reusable;
    }
}
