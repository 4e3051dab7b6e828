package io.symphainy.runtime.core.execution.messages;

import io.symphainy.runtime.core.saga.messages.KeptSignal;
import io.symphainy.runtime.core.saga.messages.ReusedStep;
import java.util.List;
import java.util.Map;

/**
 * What a starting execution hands its saga, the answer to a {@link StartExecutionCommand} that started it: the intent's
 * payload (which fixes its wait steps' signals), the steps a resumption reuses, and the signals kept before the start.
 */
public record ExecutionHandover(Map<String, Object> payload, List<ReusedStep> reusedSteps,
                                List<KeptSignal> keptSignals) {

    public ExecutionHandover {
        payload = payload == null ? Map.of() : payload;
        reusedSteps = reusedSteps == null ? List.of() : List.copyOf(reusedSteps);
        keptSignals = keptSignals == null ? List.of() : List.copyOf(keptSignals);
    }
}
