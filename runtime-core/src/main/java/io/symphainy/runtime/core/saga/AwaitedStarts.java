package io.symphainy.runtime.core.saga;

import io.micrometer.core.instrument.Gauge;
import io.symphainy.runtime.core.capability.Curator;
import io.symphainy.runtime.core.capability.RegisteredCapability;
import io.symphainy.runtime.core.common.InlineCommands;
import io.symphainy.runtime.core.common.PeriodicTask;
import io.symphainy.runtime.core.config.SagaProperties;
import io.symphainy.runtime.core.execution.messages.ExecutionHandover;
import io.symphainy.runtime.core.execution.messages.StartExecutionCommand;
import io.symphainy.runtime.core.execution.messages.TakeOverAwaitedStartCommand;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.core.projection.ReadModels;
import io.symphainy.runtime.core.saga.messages.SagaId;
import io.symphainy.runtime.core.state.ExecutionStateProjection;
import io.symphainy.runtime.core.state.ExecutionsAwaitingVersion.AwaitingStart;
import io.symphainy.runtime.core.state.ExecutionsAwaitingVersion;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The scan of waiting starts: every node looks, as often as the loss scan, for executions waiting, not started, for a
 * node with their capability version (approved or resumed on a node that lacked it) and starts those whose version it
 * has: in one transaction it takes the execution over (the execution lets one node take it), starts it and its saga
 * with the signals it kept, and runs the first attempt once that commits. So such an execution starts by itself once
 * a node with its version (re)starts. The scan also counts the executions waiting for versions this node lacks, which
 * the {@value RuntimeMeters#CAPABILITY_VERSION_MISSING_STARTS} gauge and the health report show.
 */
@Component
public class AwaitedStarts extends PeriodicTask {

    /** What waits, as of the last scan: executions in all, and per {@code capability version} label how many. */
    public record Report(int executions, Map<String, Integer> byVersion) {
    }

    private static final Logger log = LoggerFactory.getLogger(AwaitedStarts.class);
    private static final int SCANNED = 500;

    private final ExecutionsAwaitingVersion waiting;
    private final ReadModels readModels;
    private final Curator curator;
    private final CommandBus commands;
    private final TransactionManager transactions;
    private final StepWorker worker;
    private volatile Report last = new Report(0, Map.of());

    AwaitedStarts(ExecutionsAwaitingVersion waiting, ReadModels readModels, Curator curator, CommandBus commands,
                  TransactionManager transactions, StepWorker worker, SagaProperties properties,
                  RuntimeMeters meters) {
        super("start-version-scan", properties.lossScanInterval());
        this.waiting = waiting;
        this.readModels = readModels;
        this.curator = curator;
        this.commands = commands;
        this.transactions = transactions;
        this.worker = worker;
        Gauge.builder(RuntimeMeters.CAPABILITY_VERSION_MISSING_STARTS, this, scan -> scan.last.executions())
                .description("executions waiting, not started, for a node that has their capability version")
                .baseUnit("executions").register(meters.registry());
    }

    /** What waited at the last scan. */
    public Report report() {
        return last;
    }

    /** Starts every waiting execution whose version this node has; answers how many it started. */
    int scan() {
        if (readModels.isRebuilding(ExecutionStateProjection.PROCESSING_GROUP)) {
            return 0;
        }
        Map<String, Integer> byVersion = new TreeMap<>();
        int started = 0;
        for (AwaitingStart start : waiting.awaitingVersion(SCANNED)) {
            Optional<RegisteredCapability> registered = curator.named(start.capability(), start.capabilityVersion());
            if (registered.isPresent()) {
                started += start(start, registered.get()) ? 1 : 0;
            } else {
                byVersion.merge(start.capability() + " " + start.capabilityVersion(), 1, Integer::sum);
            }
        }
        last = new Report(byVersion.values().stream().mapToInt(Integer::intValue).sum(), Map.copyOf(byVersion));
        return started;
    }

    private boolean start(AwaitingStart start, RegisteredCapability registered) {
        CoordinatedExecution execution = new CoordinatedExecution(start.executionId(),
                SagaId.forExecution(start.executionId()), start.tenantId(), start.sessionId());
        Function<Object, Object> send = command -> InlineCommands.send(commands, command, execution.tenantId(), null,
                execution.sessionId(), execution.executionId());
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<Boolean> result = unitOfWork.executeWithResult(() -> {
            if (!Boolean.TRUE.equals(send.apply(new TakeOverAwaitedStartCommand(execution.executionId(),
                    execution.tenantId())))) {
                return false;
            }
            ExecutionHandover handover = (ExecutionHandover) send.apply(new StartExecutionCommand(
                    execution.executionId(), execution.tenantId(), execution.sagaId()));
            CoordinatorStarts.openSaga(execution, registered, registered.planFor(handover.payload()),
                    handover.reusedSteps(), handover.keptSignals(), null, send, worker);
            return true;
        });
        if (result.isExceptional()) {
            log.warn("Could not start {}, which waited for its capability version; the next scan tries again",
                    start.executionId(), result.exceptionResult());
            return false;
        }
        if (Boolean.TRUE.equals(result.getPayload())) {
            log.info("Started {}, which waited for {} version {}", start.executionId(), start.capability(),
                    start.capabilityVersion());
            return true;
        }
        return false;
    }

    @Override
    protected void runOnce() {
        scan();
    }
}
