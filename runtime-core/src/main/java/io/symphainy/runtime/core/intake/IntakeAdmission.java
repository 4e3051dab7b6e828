package io.symphainy.runtime.core.intake;

import io.symphainy.runtime.core.common.RuleViolationCode;
import io.symphainy.runtime.core.common.RuleViolationException;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.config.IntakeProperties;
import io.symphainy.runtime.core.observability.RuntimeMeters;
import io.symphainy.runtime.core.quota.QuotaProperties;
import io.symphainy.runtime.core.quota.TenantShares;
import io.symphainy.runtime.core.worker.StepWorker;
import org.springframework.stereotype.Component;

/**
 * Keeps the intake answering promptly when more intents arrive than the node can run: at most
 * {@link IntakeProperties#maxConcurrent()} intents are recorded at once, a further one waits at most
 * {@link IntakeProperties#admissionWait()} for its turn, and none is taken while the worker has more than
 * {@link IntakeProperties#maxBacklog()} attempts waiting for a thread. A refused intent is recorded nowhere: the
 * client is told the runtime is busy and when to try again ({@code RUNTIME_BUSY}), instead of waiting in a queue
 * until it gives up. Nothing acknowledged is ever refused afterwards.
 *
 * <p>One tenant's flood does not close the intake to the others: a tenant alone may hold every place, but while
 * another tenant has come to the intake within the last {@link TenantShares#CONTENTION_WINDOW_MILLIS} ms it holds at
 * most {@link QuotaProperties#maxIntakeShare()} of them ({@link TenantShares}; its further intents wait for its own
 * places, not in the others' line), intents waiting for a place get it tenant by tenant in turn
 * ({@link TenantTurnstile}), and a full backlog refuses only the tenants that hold at least their share of it.
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
    private final TenantTurnstile slots;
    private final TenantShares shares;

    IntakeAdmission(IntakeProperties properties, QuotaProperties quotas, StepWorker worker, RuntimeMeters meters) {
        this.properties = properties;
        this.worker = worker;
        this.meters = meters;
        this.slots = new TenantTurnstile(properties.maxConcurrent());
        this.shares = TenantShares.contended(properties.maxConcurrent(), quotas.maxIntakeShare());
    }

    /**
     * A place for one intent of the tenant.
     *
     * @throws RuleViolationException {@code RUNTIME_BUSY} when the worker's backlog is full (and the tenant holds its
     *                                share of it) or no place frees up in time
     */
    public Slot enter(TenantId tenant) {
        if (worker.backlog() > properties.maxBacklog() && holdsItsShareOfTheBacklog(tenant)) {
            throw busy(tenant, "the runtime has more than " + properties.maxBacklog()
                    + " step attempts waiting to run");
        }
        long deadline = System.nanoTime() + properties.admissionWait().toNanos();
        if (!shares.enter(tenant, deadline)) {
            throw busy(tenant, "tenant " + tenant + " is recording " + shares.shareOf(tenant)
                    + " intents already and none finished within " + properties.admissionWait().toMillis() + " ms");
        }
        if (!slots.enter(tenant, Math.max(0, deadline - System.nanoTime()))) {
            shares.exit(tenant);
            throw busy(tenant, "the runtime is recording " + properties.maxConcurrent()
                    + " intents already and none finished within " + properties.admissionWait().toMillis() + " ms");
        }
        return () -> {
            slots.exit();
            shares.exit(tenant);
        };
    }

    /** Whether the tenant has at least an even share, among the tenants waiting, of the attempts waiting. */
    private boolean holdsItsShareOfTheBacklog(TenantId tenant) {
        int tenants = Math.max(1, worker.backloggedTenants());
        return (long) worker.backlogOf(tenant) * tenants >= worker.backlog();
    }

    private RuleViolationException busy(TenantId tenant, String why) {
        meters.intentShed(tenant.value());
        return new RuleViolationException(RuleViolationCode.RUNTIME_BUSY, why + "; try again in "
                + properties.retryAfter().toSeconds() + " s");
    }
}
