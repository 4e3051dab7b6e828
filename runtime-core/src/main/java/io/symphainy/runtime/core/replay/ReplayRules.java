package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.capability.spi.SideEffectClass;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompensatingEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionCompletedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionFailedEvent;
import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.replay.messages.StateDrift;
import io.symphainy.runtime.core.replay.messages.StepOutcome;
import io.symphainy.runtime.core.replay.messages.StepReplay;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.saga.messages.StepSnapshot;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.StepStateView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The decisions of replay, as pure functions: event order, points in time, drift, what runs again and verdicts.
 */
final class ReplayRules {

    static final String RE_RUN = "re_run";
    static final String RE_RUN_RECORDED_INPUT = "re_run_recorded_input";
    static final String SUBSTITUTED = "substituted";
    static final String RE_USED_RECORDED_SIGNAL = "re_used_recorded_signal";
    static final String NOT_REACHED = "not_reached";
    static final String UNAVAILABLE = "unavailable";
    static final String MATCH = "match";
    static final String DIVERGENCE = "divergence";

    private static final Set<Class<?>> CAUSED_BY_THE_SAGA = Set.of(ExecutionCompletedEvent.class,
            ExecutionFailedEvent.class, ExecutionCompensatedEvent.class, ExecutionCompensatingEvent.class);

    private ReplayRules() {
    }

    /**
     * Both aggregates' events in one list, ordered by timestamp; events recorded at the same instant keep the order
     * they were given in (the execution's before the saga's, each in sequence order).
     */
    static <E> List<E> merge(List<E> first, List<E> second, Function<E, Instant> timestamp) {
        return merge(first, second, timestamp, event -> 0);
    }

    /**
     * Both aggregates' events in one list, ordered by timestamp, then, for events recorded at the same instant (one
     * transaction often records both aggregates' events within a millisecond), by their causal rank; equal ranks keep
     * the order they were given in.
     */
    static <E> List<E> merge(List<E> first, List<E> second, Function<E, Instant> timestamp,
                             ToIntFunction<E> causalRank) {
        List<E> merged = new ArrayList<>(first);
        merged.addAll(second);
        merged.sort(Comparator.comparing(timestamp).thenComparingInt(causalRank));
        return merged;
    }

    /**
     * Where an execution's event stands among its saga's events of the same instant: an execution's end (and its turn
     * to compensating) follows the saga events that caused it, every other execution event precedes them.
     */
    static int causalRank(boolean sagaEvent, Class<?> payloadType) {
        if (sagaEvent) {
            return 1;
        }
        return CAUSED_BY_THE_SAGA.contains(payloadType) ? 2 : 0;
    }

    /** How many events of the merged list a point in time keeps: up to an index (inclusive) or an instant. */
    static <E> int keptCount(List<E> merged, Long asOfIndex, Instant asOfInstant, Function<E, Instant> timestamp) {
        int kept = merged.size();
        if (asOfIndex != null) {
            kept = (int) Math.max(0, Math.min(kept, asOfIndex + 1));
        }
        if (asOfInstant != null) {
            int i = 0;
            while (i < kept && !timestamp.apply(merged.get(i)).isAfter(asOfInstant)) {
                i++;
            }
            kept = i;
        }
        return kept;
    }

    /** Whether a step of the given class may run again in a replay. */
    static boolean mayRunAgain(SideEffectClass sideEffect) {
        return sideEffect == SideEffectClass.PURE || sideEffect == SideEffectClass.IDEMPOTENT;
    }

    /** Whether a recomputed outcome matches the recorded one: same success outputs, or same failure code. */
    static String verdict(StepOutcome recorded, StepOutcome recomputed) {
        if (recorded.succeeded() != recomputed.succeeded()) {
            return DIVERGENCE;
        }
        boolean same = recorded.succeeded()
                ? Objects.equals(recorded.references(), recomputed.references())
                        && Objects.equals(recorded.facts(), recomputed.facts())
                : Objects.equals(recorded.errorCode(), recomputed.errorCode());
        return same ? MATCH : DIVERGENCE;
    }

    /** A one-line summary of a full replay. */
    static String fullSummary(List<StepReplay> steps) {
        long rerun = steps.stream().filter(step -> RE_RUN.equals(step.treatment())
                || RE_RUN_RECORDED_INPUT.equals(step.treatment())).count();
        long diverged = steps.stream().filter(step -> DIVERGENCE.equals(step.verdict())).count();
        long substituted = steps.stream().filter(step -> SUBSTITUTED.equals(step.treatment())).count();
        long signals = steps.stream().filter(step -> RE_USED_RECORDED_SIGNAL.equals(step.treatment())).count();
        return rerun + " re-run (" + (rerun - diverged) + " match, " + diverged + " diverge), " + substituted
                + " substituted" + (signals == 0 ? "" : ", " + signals + " re-used recorded signal");
    }

    /** The fields on which the State Surface record differs from the folded state. */
    static List<StateDrift> drift(ExecutionSnapshot execution, SagaSnapshot saga, ExecutionStateView recorded) {
        List<StateDrift> drift = new ArrayList<>();
        if (recorded == null) {
            drift.add(new StateDrift("record", "present", "missing"));
            return drift;
        }
        compare(drift, "status", execution.status().wireName(), recorded.status().wireName());
        compare(drift, "result_references", execution.resultReferences(), recorded.resultReferences());
        List<StepSnapshot> replayedSteps = saga == null ? List.of() : saga.steps();
        List<StepStateView> recordedSteps = recorded.steps() == null ? List.of() : recorded.steps();
        int count = Math.max(replayedSteps.size(), recordedSteps.size());
        for (int i = 0; i < count; i++) {
            String field = "steps[" + i + "]";
            if (i >= replayedSteps.size() || i >= recordedSteps.size()) {
                compare(drift, field, i < replayedSteps.size() ? "present" : "missing",
                        i < recordedSteps.size() ? "present" : "missing");
                continue;
            }
            StepSnapshot replayed = replayedSteps.get(i);
            StepStateView step = recordedSteps.get(i);
            compare(drift, field + ".status", replayed.status(), step.status());
            compare(drift, field + ".attempts", replayed.attempts(), step.attempts());
            compare(drift, field + ".compensation_status", replayed.compensationStatus(),
                    step.compensation() == null ? null : step.compensation().status());
        }
        return drift;
    }

    private static void compare(List<StateDrift> drift, String field, Object replayed, Object recorded) {
        Object left = replayed instanceof Map<?, ?> map && map.isEmpty() ? null : replayed;
        Object right = recorded instanceof Map<?, ?> map && map.isEmpty() ? null : recorded;
        if (!Objects.equals(left, right)) {
            drift.add(new StateDrift(field, String.valueOf(left), String.valueOf(right)));
        }
    }
}
