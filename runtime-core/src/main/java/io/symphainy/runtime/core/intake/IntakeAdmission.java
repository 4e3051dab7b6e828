package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.core.worker.StepWorker;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Keeps the intake answering promptly when more intents arrive than the node can run: at most
 * {@link IntakeProperties#maxConcurrent()} intents are recorded at once, a further one waits at most
 * {@link IntakeProperties#admissionWait()} for its turn, and none is taken while the worker has more than
 * {@link IntakeProperties#maxBacklog()} attempts waiting for a thread. A refused intent is recorded nowhere: the
 * client is told the runtime is busy and when to try again ({@code RUNTIME_BUSY}), instead of waiting in a queue
 * until it gives up. Nothing acknowledged is ever refused afterwards.
 */
@Component
public class IntakeAdmission {

    /** A place in the intake, given back when the intent is recorded (or refused by a rule). */
    public interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final IntakeProperties properties;
    private final StepWorker worker;
    private final RuntimeMeters meters;
    private final Semaphore slots;

    IntakeAdmission(IntakeProperties properties, StepWorker worker, RuntimeMeters meters) {
        this.properties = properties;
        this.worker = worker;
        this.meters = meters;
        this.slots = new Semaphore(properties.maxConcurrent(), true);
    }

    /**
     * A place for one intent of the tenant.
     *
     * @throws RuleViolationException {@code RUNTIME_BUSY} when the worker's backlog is full or no place frees up in
     *                                time
     */
    public Slot enter(TenantId tenant) {
        if (worker.backlog() > properties.maxBacklog()) {
            throw busy(tenant, "the runtime has more than " + properties.maxBacklog()
                    + " step attempts waiting to run");
        }
        boolean admitted;
        try {
            admitted = slots.tryAcquire(properties.admissionWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            throw busy(tenant, "the runtime is recording " + properties.maxConcurrent()
                    + " intents already and none finished within " + properties.admissionWait().toMillis() + " ms");
        }
        return slots::release;
    }

    private RuleViolationException busy(TenantId tenant, String why) {
        meters.intentShed(tenant.value());
        return new RuleViolationException(RuleViolationCode.RUNTIME_BUSY, why + "; try again in "
                + properties.retryAfter().toSeconds() + " s");
    }
}
