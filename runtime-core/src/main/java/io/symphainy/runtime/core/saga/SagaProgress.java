package io.symphainy.runtime.core.saga;

import io.symphainy.runtime.core.saga.messages.StepPhase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a saga stands: the attempt in flight, the completed steps and what remains to compensate.
 *
 * <p>Only the saga's event-sourcing handlers change it, so it is always what the event store says.
 */
final class SagaProgress {

    /** Failure code recorded when an execution was cancelled. */
    static final String CANCELLED = "CANCELLED";
    /** Failure code recorded when a compensation failed for good. */
    static final String COMPENSATION_FAILED = "COMPENSATION_FAILED";

    private StepPhase phase = StepPhase.FORWARD;
    private int currentStep;
    private int currentAttempt;
    private boolean attemptRunning;
    private int retryAttempt;
    private boolean finished;
    private boolean abortRequested;
    private String abortReason;
    private final List<Integer> completedSteps = new ArrayList<>();
    private final Deque<Integer> toCompensate = new ArrayDeque<>();
    private final Map<String, String> references = new LinkedHashMap<>();
    private String failedStep;
    private String failureCode;
    private String failureMessage;

    boolean isRunning(StepPhase reportedPhase, int step, int attempt) {
        return !finished && attemptRunning && phase == reportedPhase && currentStep == step
                && currentAttempt == attempt;
    }

    boolean isAwaitingRetry(StepPhase requestedPhase, int step, int attempt) {
        return !finished && !attemptRunning && phase == requestedPhase && currentStep == step
                && retryAttempt == attempt;
    }

    boolean movesForward() {
        return !finished && phase == StepPhase.FORWARD;
    }

    void attemptStarted(StepPhase startedPhase, int step, int attempt) {
        phase = startedPhase;
        currentStep = step;
        currentAttempt = attempt;
        attemptRunning = true;
        retryAttempt = 0;
    }

    void attemptEnded() {
        attemptRunning = false;
    }

    void stepSucceeded(int step, Map<String, String> producedReferences) {
        attemptRunning = false;
        completedSteps.add(step);
        references.putAll(producedReferences);
    }

    /** A resumed execution took over a step's output; the step is not its own to compensate. */
    void stepReused(Map<String, String> reusedReferences) {
        references.putAll(reusedReferences);
    }

    void retryScheduled(int nextAttempt) {
        retryAttempt = nextAttempt;
    }

    void abortRequested(String reason) {
        abortRequested = true;
        abortReason = reason;
    }

    void compensationStarted(String step, String code, String message, List<Integer> stepsLatestFirst) {
        phase = StepPhase.COMPENSATION;
        attemptRunning = false;
        failedStep = step;
        failureCode = code;
        failureMessage = message;
        toCompensate.clear();
        toCompensate.addAll(stepsLatestFirst);
    }

    void stepCompensated(int step) {
        attemptRunning = false;
        toCompensate.remove(step);
    }

    void finished() {
        finished = true;
        attemptRunning = false;
    }

    boolean isFinished() {
        return finished;
    }

    Integer nextToCompensate() {
        return toCompensate.peekFirst();
    }

    int currentStep() {
        return currentStep;
    }

    int currentAttempt() {
        return currentAttempt;
    }

    boolean attemptRunning() {
        return attemptRunning;
    }

    boolean abortRequested() {
        return abortRequested;
    }

    String abortReason() {
        return abortReason;
    }

    List<Integer> completedSteps() {
        return List.copyOf(completedSteps);
    }

    Map<String, String> references() {
        return Map.copyOf(references);
    }

    String failedStep() {
        return failedStep;
    }

    String failureCode() {
        return failureCode;
    }

    String failureMessage() {
        return failureMessage;
    }
}
