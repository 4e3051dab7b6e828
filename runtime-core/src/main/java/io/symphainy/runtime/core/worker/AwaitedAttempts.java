package io.symphainy.runtime.core.worker;

import io.micrometer.core.instrument.Gauge;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.PeriodicTask;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.saga.messages.NextAttempt;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.saga.messages.TakeOverAwaitedStepCommand;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.RunningAttempts;
import io.symphainy.runtime.core.state.RunningAttempts.RunningAttempt;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The version scan: every node looks, as often as the loss scan, for attempts waiting for a capability version
 * ({@link VersionWaits}) and takes over those whose version it has; the saga lets one node take each, and that node
 * runs it once the take-over is recorded. So an execution whose version comes back (a node restarts with it)
 * continues by itself. The scan also keeps the count of attempts waiting for versions this node lacks, which the
 * {@value RuntimeMeters#CAPABILITY_VERSION_MISSING} gauge and the health report show.
 */
@Component
public class AwaitedAttempts extends PeriodicTask {

    /** What waits, as of the last scan: attempts in all, and per {@code capability version} label how many. */
    public record Report(int attempts, Map<String, Integer> byVersion) {
    }

    private static final Logger log = LoggerFactory.getLogger(AwaitedAttempts.class);
    private static final int SCANNED = 500;

    private final RunningAttempts running;
    private final ReadModels readModels;
    private final StepWorker worker;
    private final CommandGateway commands;
    private final Curator curator;
    private volatile Report last = new Report(0, Map.of());

    AwaitedAttempts(RunningAttempts running, ReadModels readModels, StepWorker worker, CommandGateway commands,
                    SagaProperties properties, Curator curator, RuntimeMeters meters) {
        super("version-scan", properties.lossScanInterval());
        this.running = running;
        this.readModels = readModels;
        this.worker = worker;
        this.commands = commands;
        this.curator = curator;
        Gauge.builder(RuntimeMeters.CAPABILITY_VERSION_MISSING, this, scan -> scan.last.attempts())
                .description("step attempts waiting for a node that has their capability version")
                .baseUnit("attempts").register(meters.registry());
    }

    /** What waited at the last scan. */
    public Report report() {
        return last;
    }

    /** Takes over every waiting attempt whose version this node has; answers how many it took. */
    int scan() {
        if (readModels.isRebuilding(ExecutionStateProjection.PROCESSING_GROUP)) {
            return 0;
        }
        List<RunningAttempt> waiting = running.awaitingVersion(SCANNED);
        Map<String, Integer> byVersion = new TreeMap<>();
        int taken = 0;
        for (RunningAttempt attempt : waiting) {
            StepInvocation invocation = new StepInvocation(SagaId.forExecution(attempt.executionId()),
                    attempt.executionId(), attempt.tenantId(), attempt.sessionId(), attempt.capability(),
                    attempt.capabilityVersion(), attempt.phase(), attempt.stepIndex(), attempt.attempt());
            if (curator.named(invocation.capability(), invocation.capabilityVersion()).isPresent()) {
                taken += takeOver(invocation) ? 1 : 0;
            } else {
                byVersion.merge(invocation.capability() + " " + invocation.capabilityVersion(), 1, Integer::sum);
            }
        }
        last = new Report(byVersion.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(byVersion));
        return taken;
    }

    private boolean takeOver(StepInvocation invocation) {
        try {
            Object started = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new TakeOverAwaitedStepCommand(
                            invocation.sagaId(), invocation.tenantId(), invocation.phase(), invocation.stepIndex(),
                            invocation.attempt()))
                    .andMetaData(CallerMetaData.of(invocation.tenantId(), null, invocation.sessionId()))
                    .andMetaData(Map.of(MetaDataKeys.EXECUTION_ID, invocation.executionId().toString())));
            if (started instanceof NextAttempt next) {
                log.info("Took over {}, which waited for its capability version", invocation);
                worker.runAfterCommit(invocation.next(next));
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("Could not take over {}; the next scan tries again", invocation, e);
        }
        return false;
    }

    @Override
    protected void runOnce() {
        scan();
    }
}
