package io.symphainy.runtime.core.worker;

import io.symphainy.runtime.core.capability.spi.StepResult;
import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.SagaProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Records what attempts produced, in groups: a recorder thread takes the outcomes waiting at that moment (up to
 * {@code runtime.saga.report-group-size}) and records them all in one unit of work and one transaction, so that a
 * busy node pays one commit for many outcomes instead of one each. Each outcome is still recorded before its next
 * attempt starts: the sender of an outcome hears the saga's answer only after the transaction committed.
 *
 * <p>A success that completes its saga closes the execution in the same transaction ({@link OutcomeGroups}). An
 * outcome that fails within its group (a lock conflict, a refusal) is rolled back alone and queued again after a
 * short pause; when the group cannot commit as a whole, each outcome is recorded alone. One that still
 * cannot be recorded after a few tries is only logged: its attempt stays running in the State Surface until the loss
 * scan ({@link LostAttempts}) counts it as timed out.
 *
 * <p>Several recorders ({@code runtime.saga.report-recorders}) commit groups side by side, and a tenant's outcomes
 * are recorded by one of them at a time ({@link TenantGroups}): a tenant flooding the node fills one recorder with
 * groups of its own, while another tenant's single outcome goes to a free recorder in a small group at once instead
 * of waiting behind the flood's groups. With one tenant busy the node records as with a single recorder.
 */
@Component
class StepOutcomeReporter implements SmartLifecycle {

    /**
     * An outcome to record, and whom to tell.
     *
     * @param recorded told, after the commit, the saga's answer ({@code null} for none), or why it was not recorded
     */
    record Report(StepInvocation invocation, StepResult result, long durationMillis, Recorded recorded,
                  int retries) {

        Report(StepInvocation invocation, StepResult result, long durationMillis, Recorded recorded) {
            this(invocation, result, durationMillis, recorded, 0);
        }

        Report retried() {
            return new Report(invocation, result, durationMillis, recorded, retries + 1);
        }
    }

    /** Told once an outcome was recorded (answer) or could not be (failure). */
    interface Recorded {
        void accept(Object answer, Throwable failure);
    }

    private static final Logger log = LoggerFactory.getLogger(StepOutcomeReporter.class);
    private static final int RETRIES = 5;
    private static final long FIRST_RETRY_PAUSE_MILLIS = 10;
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final OutcomeGroups groups;
    private final int groupSize;
    private final int recorderCount;
    private final TenantGroups<Report> waiting = new TenantGroups<>(report -> report.invocation().tenantId());
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("step-outcome-retries-"));
    private volatile List<Thread> recorders = List.of();

    StepOutcomeReporter(CommandBus commands, TransactionManager transactions, SagaProperties properties) {
        this.groups = new OutcomeGroups(commands, transactions);
        this.groupSize = Math.max(1, properties.reportGroupSize());
        this.recorderCount = Math.max(1, properties.reportRecorders());
    }

    /** Queues the outcome; it is recorded with whatever else waits when the recorder comes to it. */
    void report(Report report) {
        waiting.add(report);
    }

    /** Outcomes waiting to be recorded. */
    int waiting() {
        return waiting.size();
    }

    /** Outcomes of the tenant waiting to be recorded. */
    int waitingOf(TenantId tenant) {
        return waiting.sizeOf(tenant);
    }

    private void recordWhileRunning() {
        while (!Thread.currentThread().isInterrupted()) {
            TenantGroups.Group<Report> group;
            try {
                group = waiting.take(groupSize);
            } catch (InterruptedException stopping) {
                return;
            }
            try {
                record(group.elements());
            } finally {
                waiting.handBack(group);
            }
        }
    }

    private void record(List<Report> group) {
        List<OutcomeGroups.Recording> recordings;
        try {
            recordings = groups.inOneTransaction(group);
        } catch (RuntimeException groupFailed) {
            if (group.size() == 1) {
                retryLater(group.get(0), groupFailed);
            } else {
                log.debug("A group of {} outcomes could not commit together; recording each alone", group.size(),
                        groupFailed);
                group.forEach(report -> record(List.of(report)));
            }
            return;
        }
        for (int i = 0; i < group.size(); i++) {
            OutcomeGroups.Recording recording = recordings.get(i);
            if (recording.failure() == null) {
                tell(group.get(i), recording.answer(), null);
            } else {
                retryLater(group.get(i), recording.failure());
            }
        }
    }

    /**
     * Queues a report that failed again after a growing pause, without holding up the others: most failures are passing
     * (two transactions that want the same aggregates in opposite order, such as racing repeats of one intent).
     */
    private void retryLater(Report report, Throwable failure) {
        if (report.retries() >= RETRIES) {
            tell(report, null, failure);
            return;
        }
        log.debug("Recording the outcome of {} failed; trying again", report.invocation(), failure);
        long pause = FIRST_RETRY_PAUSE_MILLIS << (2 * report.retries());
        retries.schedule(() -> waiting.add(report.retried()), pause, TimeUnit.MILLISECONDS);
    }

    private static void tell(Report report, Object answer, Throwable failure) {
        if (failure != null) {
            StepInvocation invocation = report.invocation();
            log.warn("Could not record the outcome of {} attempt {} of step {} in execution {}; the loss scan will"
                            + " count it as timed out", invocation.phase(), invocation.attempt(),
                    invocation.stepIndex(), invocation.executionId(), failure);
        }
        try {
            report.recorded().accept(answer, failure);
        } catch (RuntimeException e) {
            log.warn("Acting on the recorded outcome of {} failed", report.invocation(), e);
        }
    }

    @Override
    public void start() {
        ThreadFactory threads = DaemonThreads.named("step-outcomes-");
        List<Thread> started = new ArrayList<>(recorderCount);
        for (int i = 0; i < recorderCount; i++) {
            started.add(threads.newThread(this::recordWhileRunning));
        }
        recorders = List.copyOf(started);
        started.forEach(Thread::start);
    }

    /** Stops taking outcomes once those waiting now are recorded (a few seconds at most). */
    @Override
    public void stop() {
        List<Thread> running = recorders;
        recorders = List.of();
        if (running.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_WAIT_MILLIS);
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        running.forEach(Thread::interrupt);
        retries.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return !recorders.isEmpty();
    }
}
