package io.symphainy.runtime.core.projection;

import io.symphainy.runtime.core.common.DaemonThreads;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds one read model from the event store while the shared processor keeps every other one current.
 *
 * <p>The read model is switched off in its live processor between two of its batches; in one transaction its reset
 * handler clears what it built and a processor of its own is stored at the start of the store ({@link
 * RebuildMarkers}). That processor replays the store into the read model alone, in large batches, reading the store
 * ahead on a thread of its own while it writes ({@link ReadAheadEventSource}). Once it has reached where the live
 * processor is (the shared processor's position, or for a read model written in the recording transaction, the
 * store's head), the live processor is held between batches (for the in-transaction one: this node's transactions
 * wait before they commit) until the rebuild has handled everything the live one would have skipped (half a second at
 * most, else it tries again later); then the read model is switched on again and the rebuild's processor, applying
 * nothing more ({@link RebuildRun}), is stopped and its token deleted once the live processor runs again. Events the
 * rebuild handled beyond that point are handed to the read model once more by the live processor: rebuildable read
 * models write idempotently, as a replay requires anyway. A node that stops during a rebuild carries it on later.
 */
@Component
class ProjectionRebuilds implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuilds.class);
    private static final long HAND_OVER_CHECK_MILLIS = 50;
    private static final Duration HAND_OVER_WAIT = Duration.ofMillis(500);

    private final ProjectionSwitches switches;
    private final RebuildMarkers markers;
    private final RebuildCatchUp catchUp;
    private final RebuildProcessors processors;
    private final List<ReadModel> readModels;
    private final Map<String, RebuildRun> running = new ConcurrentHashMap<>();
    private final Map<String, RebuildRun> handingBack = new ConcurrentHashMap<>();
    private volatile ScheduledExecutorService handOvers;

    ProjectionRebuilds(ProjectionSwitches switches, RebuildMarkers markers, RebuildCatchUp catchUp,
                       RebuildProcessors processors, List<ReadModel> readModels) {
        this.catchUp = catchUp;
        this.readModels = List.copyOf(readModels);
        this.switches = switches;
        this.markers = markers;
        this.processors = processors;
    }

    /**
     * Clears the read model and starts replaying the store into it.
     *
     * @throws RebuildRefusedException when it is under way already or another node runs the shared processor
     */
    synchronized void start(ReadModel readModel) {
        Optional.ofNullable(handingBack.get(readModel.name())).ifPresent(this::finishHandBack);
        if (isRunning(readModel.name()) || !switches.isLive(readModel.name())) {
            throw new RebuildRefusedException(RebuildRefusedException.Reason.IN_PROGRESS,
                    readModel.name() + " is being rebuilt");
        }
        if (readModel.feed() == ReadModel.Feed.TRACKING
                && !RebuildProcessors.holdsEverySegment(catchUp.sharedProcessor())) {
            throw new RebuildRefusedException(RebuildRefusedException.Reason.CLAIMED_ELSEWHERE,
                    "another node runs the " + ReadModelProcessor.NAME + " processor; nothing was reset");
        }
        EventHandlerInvoker invoker = invokerOf(readModel.name());
        switches.switchOff(readModel.name());
        try {
            processors.resetAndPlace(readModel.name(), invoker);
        } catch (RuntimeException failed) {
            switches.switchOn(readModel.name());
            throw failed;
        }
        RebuildProcessors.awaitClaim(run(readModel, invoker));
    }

    /** Whether the read model is being rebuilt on this node, or its rebuild is still being handed back. */
    boolean isRunning(String readModel) {
        return running.containsKey(readModel) || handingBack.containsKey(readModel);
    }

    /** How far the read model's rebuild has come, while it runs on this node. */
    Optional<Long> position(String readModel) {
        return Optional.ofNullable(running.get(readModel))
                .flatMap(run -> RebuildCatchUp.positionOf(RebuildCatchUp.tokenOf(run.processor())));
    }

    /** Carries on the rebuilds a stopped node left under way. */
    @EventListener(ApplicationReadyEvent.class)
    synchronized void resumeUnfinished() {
        for (String name : markers.rebuilding()) {
            Optional<ReadModel> readModel = readModels.stream().filter(known -> known.name().equals(name)).findFirst();
            if (!running.containsKey(name) && readModel.isPresent() && switches.invokerOf(name).isPresent()) {
                log.info("Carrying on the rebuild of {}", name);
                run(readModel.get(), invokerOf(name));
            }
        }
    }

    private TrackingEventProcessor run(ReadModel readModel, EventHandlerInvoker invoker) {
        RebuildRun run = new RebuildRun(readModel, invoker, processors);
        running.put(readModel.name(), run);
        run.processor().start();
        return run.processor();
    }

    /** Hands each rebuild that has reached its read model's live processor back to it. */
    private void handOverCaughtUp() {
        running.values().forEach(run -> {
            try {
                if (catchUp.caughtUp(run.readModel(), run.processor())) {
                    switches.betweenBatches(run.readModel().name(), () -> handOver(run));
                }
            } catch (RuntimeException e) {
                log.warn("Could not hand the rebuilt {} back; trying again", run.readModel().name(), e);
            }
        });
        handingBack.values().forEach(this::finishHandBack);
    }

    /**
     * With the live processor held between batches: waits for the rebuild to reach where the read model would carry on
     * live, then switches over. For the shared processor that is its position; for the in-transaction processor the
     * head of the store (no transaction of this node can commit meanwhile), with every event below it that is
     * committed handled too.
     */
    private void handOver(RebuildRun run) {
        long deadline = System.nanoTime() + HAND_OVER_WAIT.toNanos();
        BooleanSupplier reached = catchUp.reachedLive(run.readModel(), run.processor());
        while (!reached.getAsBoolean()) {
            if (System.nanoTime() > deadline || run.processor().isError()) {
                return;
            }
            RebuildProcessors.pause(RebuildProcessors.POLL_MILLIS);
        }
        String readModel = run.readModel().name();
        run.handBack();
        switches.switchOn(readModel);
        handingBack.put(readModel, run);
        running.remove(readModel);
    }

    /** Stops a handed-back rebuild's processor and deletes its token; a new rebuild of its read model waits for it. */
    private synchronized void finishHandBack(RebuildRun run) {
        String readModel = run.readModel().name();
        try {
            run.processor().shutDown();
            processors.inTransaction(() -> markers.remove(readModel));
            handingBack.remove(readModel);
            log.info("Rebuilt {}; {} keeps it from here", readModel, run.readModel().processor());
        } catch (RuntimeException e) {
            log.warn("Could not finish handing the rebuilt {} back; trying again", readModel, e);
        }
    }

    private EventHandlerInvoker invokerOf(String readModel) {
        return switches.invokerOf(readModel).orElseThrow(() -> new RebuildRefusedException(
                RebuildRefusedException.Reason.UNKNOWN, "no read model named " + readModel));
    }

    @Override
    public void start() {
        ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(
                DaemonThreads.named("projection-rebuilds-"));
        checks.scheduleWithFixedDelay(this::handOverCaughtUp, HAND_OVER_CHECK_MILLIS, HAND_OVER_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
        handOvers = checks;
    }

    /** Stops the rebuilds under way; their marks stay, so the next start carries them on. */
    @Override
    public void stop() {
        ScheduledExecutorService checks = handOvers;
        if (checks != null) {
            checks.shutdownNow();
        }
        running.values().forEach(run -> run.processor().shutDown());
        running.clear();
        handingBack.values().forEach(run -> run.processor().shutDown());
        handingBack.clear();
        handOvers = null;
    }

    @Override
    public boolean isRunning() {
        return handOvers != null;
    }
}
