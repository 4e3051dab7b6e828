package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.capability.spi.RecordedInputStep;
import io.symphainy.runtime.core.capability.spi.Step;
import io.symphainy.runtime.core.capability.spi.StepOutputs;
import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.JsonColumns;
import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.replay.messages.StepOutcome;
import io.symphainy.runtime.core.replay.messages.StepReplay;
import io.symphainy.runtime.core.saga.messages.PlannedStep;
import io.symphainy.runtime.core.saga.messages.SagaStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepFailedEvent;
import io.symphainy.runtime.core.saga.messages.StepOutputReusedEvent;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.saga.messages.StepStartedEvent;
import io.symphainy.runtime.core.saga.messages.StepSucceededEvent;
import io.symphainy.runtime.core.worker.StepContexts;
import io.symphainy.runtime.core.worker.StepInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Full replay: runs the PURE and IDEMPOTENT steps of a recorded execution again, with the code of the capability
 * version it ran (refused when this node lacks that version of a capability it has), each with the context its recorded
 * attempt saw, and substitutes the recorded outputs of the steps that must not run again; a wait step re-uses the
 * signal it recorded instead of waiting. Nothing is recorded.
 */
@Component
class ShadowRun {

    private final Curator curator;
    private final ShadowSteps runner;

    ShadowRun(Curator curator, ShadowSteps runner) {
        this.curator = curator;
        this.runner = runner;
    }

    List<StepReplay> replay(RecordedEvents events) {
        return replay(events, false);
    }

    /**
     * The replay of every planned step.
     *
     * @param rerunModel run steps with a recorded outside input (a model's answer) against today's input instead
     */
    List<StepReplay> replay(RecordedEvents events, boolean rerunModel) {
        List<Object> execution = RecordedEvents.payloads(events.execution());
        List<Object> saga = RecordedEvents.payloads(events.saga());
        Optional<SagaStartedEvent> started = saga.stream().filter(SagaStartedEvent.class::isInstance)
                .map(SagaStartedEvent.class::cast).findFirst();
        if (started.isEmpty()) {
            return List.of();
        }
        Optional<RegisteredCapability> capability = curator.named(started.get().capability(),
                started.get().runsVersion());
        if (capability.isEmpty() && !curator.versionsOf(started.get().capability()).isEmpty()) {
            throw new RuleViolationException(RuleViolationCode.UNKNOWN_CAPABILITY_VERSION, "capability '"
                    + started.get().capability() + "' version " + started.get().runsVersion()
                    + ", which the execution ran, is not registered on this node; replay it on a node that has it");
        }
        List<StepReplay> steps = new ArrayList<>();
        for (PlannedStep step : started.get().steps()) {
            steps.add(replayStep(step, started.get(), capability, execution, saga, rerunModel));
        }
        return steps;
    }

    private StepReplay replayStep(PlannedStep step, SagaStartedEvent started, Optional<RegisteredCapability> offered,
                                  List<Object> execution, List<Object> saga, boolean rerunModel) {
        int lastOutcome = lastForwardOutcome(saga, step.index());
        String sideEffect = step.sideEffect().name();
        Optional<StepOutputReusedEvent> reused = saga.stream().filter(StepOutputReusedEvent.class::isInstance)
                .map(StepOutputReusedEvent.class::cast).filter(event -> event.stepIndex() == step.index()).findFirst();
        if (reused.isPresent()) {
            // A resumed execution took this output over from the execution it resumes: it never ran here.
            StepOutcome taken = normalized(StepOutcome.success(reused.get().references(), reused.get().facts()));
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.SUBSTITUTED, 0, taken, null,
                    ReplayRules.SUBSTITUTED);
        }
        if (lastOutcome < 0) {
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.NOT_REACHED, 0, null, null,
                    ReplayRules.NOT_REACHED);
        }
        Object outcome = saga.get(lastOutcome);
        int attempt = outcome instanceof StepSucceededEvent done ? done.attempt() : ((StepFailedEvent) outcome).attempt();
        StepOutcome recorded = recorded(outcome);
        if (step.waitsForSignal()) {
            // A wait runs nothing: the signal it received (or the timeout it met) is fed back as recorded.
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.RE_USED_RECORDED_SIGNAL, attempt,
                    recorded, null, ReplayRules.RE_USED_RECORDED_SIGNAL);
        }
        if (!ReplayRules.mayRunAgain(step.sideEffect())) {
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.SUBSTITUTED, attempt, recorded,
                    null, ReplayRules.SUBSTITUTED);
        }
        if (offered.isEmpty() || step.index() >= offered.get().plan().size()
                || !offered.get().step(step.index()).name().equals(step.name())) {
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.UNAVAILABLE, attempt, recorded,
                    null, ReplayRules.UNAVAILABLE);
        }
        Step action = offered.get().step(step.index()).action();
        boolean onRecord = action instanceof RecordedInputStep && !rerunModel;
        if (onRecord && !recorded.succeeded()) {
            // Nothing outside was recorded to run on: the recorded failure stands, and nothing is called.
            return new StepReplay(step.index(), step.name(), sideEffect, ReplayRules.SUBSTITUTED, attempt, recorded,
                    null, ReplayRules.SUBSTITUTED);
        }
        StepInvocation invocation = new StepInvocation(started.sagaId(), started.executionId(), started.tenantId(),
                started.sessionId(), started.capability(), started.runsVersion(), StepPhase.FORWARD, step.index(),
                attempt);
        List<Object> seen = saga.subList(0, startOf(saga, step.index(), attempt));
        StepOutputs recordedOutputs = new StepOutputs(recorded.references(), recorded.facts());
        Step run = onRecord ? context -> ((RecordedInputStep) action).replay(context, recordedOutputs) : action;
        StepOutcome recomputed = normalized(runner.run(run,
                StepContexts.fromEvents(execution, seen, invocation, step.name()), step.timeoutMillis()));
        Map<String, Object> difference = action instanceof RecordedInputStep described && rerunModel
                && recorded.succeeded() && recomputed.succeeded() ? described.difference(recordedOutputs,
                new StepOutputs(recomputed.references(), recomputed.facts())) : null;
        return new StepReplay(step.index(), step.name(), sideEffect,
                onRecord ? ReplayRules.RE_RUN_RECORDED_INPUT : ReplayRules.RE_RUN, attempt, recorded, recomputed,
                ReplayRules.verdict(recorded, recomputed), difference);
    }

    private static int lastForwardOutcome(List<Object> saga, int stepIndex) {
        for (int i = saga.size() - 1; i >= 0; i--) {
            Object event = saga.get(i);
            if (event instanceof StepSucceededEvent done && done.stepIndex() == stepIndex
                    || event instanceof StepFailedEvent failed && failed.stepIndex() == stepIndex) {
                return i;
            }
        }
        return -1;
    }

    private static int startOf(List<Object> saga, int stepIndex, int attempt) {
        for (int i = 0; i < saga.size(); i++) {
            if (saga.get(i) instanceof StepStartedEvent start && start.stepIndex() == stepIndex
                    && start.attempt() == attempt) {
                return i;
            }
        }
        return saga.size();
    }

    private static StepOutcome recorded(Object outcome) {
        if (outcome instanceof StepSucceededEvent done) {
            return normalized(StepOutcome.success(done.references(), done.facts()));
        }
        StepFailedEvent failed = (StepFailedEvent) outcome;
        return StepOutcome.failure(failed.errorCode(), failed.errorMessage());
    }

    private static StepOutcome normalized(StepResult result) {
        if (result instanceof StepResult.Succeeded done) {
            return normalized(StepOutcome.success(done.references(), done.facts()));
        }
        StepResult.Failed failed = (StepResult.Failed) result;
        return StepOutcome.failure(failed.code(), failed.message());
    }

    /** Outputs as they would read back from the event store, so that a number compares equal to its record. */
    private static StepOutcome normalized(StepOutcome outcome) {
        if (!outcome.succeeded()) {
            return outcome;
        }
        Map<String, String> references = JsonColumns.readMap(JsonColumns.write(outcome.references()));
        Map<String, Object> facts = JsonColumns.readMap(JsonColumns.write(outcome.facts()));
        return StepOutcome.success(references, facts);
    }
}
