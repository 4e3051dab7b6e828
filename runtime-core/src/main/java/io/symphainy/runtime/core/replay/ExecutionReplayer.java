package io.symphainy.runtime.core.replay;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.execution.Execution;
import io.symphainy.runtime.core.execution.messages.ExecutionSnapshot;
import io.symphainy.runtime.core.execution.messages.RecordReplayCommand;
import io.symphainy.runtime.core.replay.messages.PolicyComparison;
import io.symphainy.runtime.core.replay.messages.ReplayMode;
import io.symphainy.runtime.core.replay.messages.ReplayReport;
import io.symphainy.runtime.core.replay.messages.ReplayRequest;
import io.symphainy.runtime.core.replay.messages.StateDrift;
import io.symphainy.runtime.core.replay.messages.StateReplay;
import io.symphainy.runtime.core.replay.messages.StepReplay;
import io.symphainy.runtime.core.saga.Saga;
import io.symphainy.runtime.core.saga.messages.SagaSnapshot;
import io.symphainy.runtime.core.state.messages.ExecutionStateView;
import io.symphainy.runtime.core.state.messages.FindExecutionStateQuery;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * Replays an execution from the event store (read by {@code RecordedEventsReader}, the one reader of aggregates'
 * events besides the repositories) and records on the execution that it was replayed. Nothing else is sent: no step
 * reports, no lifecycle commands.
 */
@Component
public class ExecutionReplayer {

    private final RecordedEventsReader reader;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ShadowRun shadowRun;
    private final ReplayedEvents listing;
    private final PolicyReevaluation policy;

    ExecutionReplayer(RecordedEventsReader reader, QueryGateway queries, CommandGateway commands, ShadowRun shadowRun,
                      ReplayedEvents listing, PolicyReevaluation policy) {
        this.policy = policy;
        this.reader = reader;
        this.queries = queries;
        this.commands = commands;
        this.shadowRun = shadowRun;
        this.listing = listing;
    }

    /** The replay's report, or nothing when the tenant has no such execution. */
    public Optional<ReplayReport> replay(ReplayRequest request) {
        RecordedEvents events = reader.read(request.executionId());
        if (!events.belongsTo(request.tenantId())) {
            return Optional.empty();
        }
        ReplayReport report = withPolicy(request, events, switch (request.mode()) {
            case EVENTS_ONLY -> {
                var listed = listing.list(events.merged());
                yield new ReplayReport(request.executionId(), request.mode().wireName(), listed.size() + " events",
                        listed, null, null);
            }
            case STATE_ONLY -> {
                StateReplay state = state(request, events);
                yield new ReplayReport(request.executionId(), request.mode().wireName(), stateSummary(request, state),
                        null, state, null);
            }
            case FULL -> {
                List<StepReplay> steps = shadowRun.replay(events, request.rerunModel());
                yield new ReplayReport(request.executionId(), request.mode().wireName(),
                        ReplayRules.fullSummary(steps) + (request.rerunModel() ? "; model re-run by operator" : ""),
                        null, null, steps);
            }
        });
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new RecordReplayCommand(request.executionId(),
                        request.tenantId(), request.requestedBy(), request.mode().wireName(), report.outcome()))
                .withMetaData(CallerMetaData.of(request.tenantId(), request.requestedBy(), null)));
        return Optional.of(report);
    }

    /** With {@code policy: "current"}, the comparison joins the report and its one-line outcome. */
    private ReplayReport withPolicy(ReplayRequest request, RecordedEvents events, ReplayReport report) {
        if (!request.currentPolicy()) {
            return report;
        }
        PolicyComparison comparison = policy.compare(events);
        String outcome = report.outcome() + "; policy today: " + comparison.currentDecision()
                + (comparison.wouldDiffer() ? " (differs from recorded " + comparison.recordedDecision() + ")"
                : " (as recorded)");
        return new ReplayReport(report.executionId(), report.mode(), outcome, report.events(), report.state(),
                report.steps(), comparison);
    }

    private StateReplay state(ReplayRequest request, RecordedEvents events) {
        int kept = ReplayRules.keptCount(events.merged(), request.asOfIndex(), request.asOfInstant(),
                DomainEventMessage::getTimestamp);
        List<DomainEventMessage<?>> prefix = events.merged().subList(0, kept);
        Execution execution = AggregateFolds.execution(prefix.stream()
                .filter(event -> events.execution().contains(event)).toList());
        Saga saga = AggregateFolds.saga(prefix.stream().filter(event -> events.saga().contains(event)).toList());
        ExecutionSnapshot executionState = execution == null ? null : execution.snapshot();
        SagaSnapshot sagaState = saga == null ? null : saga.snapshot();
        ExecutionStateView recorded = queries.query(new FindExecutionStateQuery(request.tenantId(),
                request.executionId()), ResponseTypes.optionalInstanceOf(ExecutionStateView.class)).join()
                .orElse(null);
        List<StateDrift> drift = request.pointInTime() || executionState == null ? List.of()
                : ReplayRules.drift(executionState, sagaState, recorded);
        return new StateReplay(kept, kept - 1, executionState, sagaState, recorded, drift);
    }

    private static String stateSummary(ReplayRequest request, StateReplay state) {
        if (request.pointInTime()) {
            return "state as of event " + state.lastIndex() + " rebuilt from " + state.foldedEvents() + " events";
        }
        return state.drift().isEmpty() ? "no drift" : "drift in " + state.drift().size() + " fields";
    }

}
