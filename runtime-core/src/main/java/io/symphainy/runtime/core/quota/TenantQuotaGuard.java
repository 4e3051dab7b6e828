package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.messages.QuotaLimits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Holds each tenant to its quota before anything of a request is recorded: the intake asks it for every intent, the
 * upload for every file's bytes. A refusal is a {@link TenantQuotaExceededException} naming the limit and when to try
 * again. The intent checks read nothing: the quota is remembered ({@link TenantQuotas}), the intent rate is a token
 * bucket per tenant on this node, and the executions in flight are counted in memory ({@link InFlightCounts}).
 */
@Component
public class TenantQuotaGuard {

    /** A place taken for one intent; given back on close unless the intent was accepted and {@link #keep() kept}. */
    public interface Reservation extends AutoCloseable {
        /** The intent was accepted: its execution holds the place until it ends. */
        void keep();

        @Override
        void close();
    }

    private static final Reservation NOTHING_RESERVED = new Reservation() {
        @Override
        public void keep() {
        }

        @Override
        public void close() {
        }
    };

    private final TenantQuotas quotas;
    private final InFlightCounts inFlight;
    private final InFlightQuery inFlightQuery;
    private final UploadAllowance uploads;
    private final QuotaMeters meters;
    private final QuotaProperties properties;
    private final Map<TenantId, TokenBucket> buckets = new ConcurrentHashMap<>();

    TenantQuotaGuard(TenantQuotas quotas, InFlightCounts inFlight, InFlightQuery inFlightQuery,
                     UploadAllowance uploads, QuotaMeters meters, QuotaProperties properties) {
        this.quotas = quotas;
        this.inFlight = inFlight;
        this.inFlightQuery = inFlightQuery;
        this.uploads = uploads;
        this.meters = meters;
        this.properties = properties;
    }

    /**
     * Admits one intent of the tenant within its intent rate and executions in flight.
     *
     * @throws TenantQuotaExceededException when the tenant reached either limit; nothing was taken then
     */
    public Reservation admitIntent(TenantId tenant) {
        QuotaLimits limits = quotas.effective(tenant).limits();
        Reservation reservation = NOTHING_RESERVED;
        if (limits.maxInFlight() != null) {
            if (!inFlight.reserve(tenant, limits.maxInFlight())) {
                throw refused(tenant, QuotaLimit.MAX_IN_FLIGHT, properties.inFlightRetryAfter(), "tenant "
                        + tenant + " has " + limits.maxInFlight() + " executions in flight, its quota's maximum");
            }
            reservation = new InFlightReservation(tenant);
        }
        if (limits.intentsPerSecond() != null) {
            long waitNanos = bucketOf(tenant, limits).take(System.nanoTime());
            if (waitNanos > 0) {
                reservation.close();
                throw refused(tenant, QuotaLimit.INTENTS_PER_SECOND, Duration.ofNanos(waitNanos), "tenant " + tenant
                        + " submits more than its quota of " + limits.intentsPerSecond() + " intents per second");
            }
        }
        return reservation;
    }

    /**
     * Counts the bytes of an upload against the tenant's daily allowance.
     *
     * @throws TenantQuotaExceededException when they do not fit in what is left of today's; nothing is counted then
     */
    public void chargeUpload(TenantId tenant, long bytes) {
        Long limit = quotas.effective(tenant).limits().uploadBytesPerDay();
        if (!uploads.charge(tenant, bytes, limit)) {
            throw refused(tenant, QuotaLimit.UPLOAD_BYTES_PER_DAY, uploads.untilTomorrow(), "an upload of " + bytes
                    + " bytes exceeds what is left of tenant " + tenant + "'s quota of " + limit + " bytes per day");
        }
    }

    /** Gives back the bytes of an upload that was refused after they were counted. */
    public void refundUpload(TenantId tenant, long bytes) {
        uploads.refund(tenant, bytes);
    }

    /** What the tenant uses of its quota now: executions in flight and bytes uploaded today. */
    public QuotaUsage usage(TenantId tenant) {
        long executions = inFlight.current(tenant).orElseGet(() -> inFlightQuery.inFlight(tenant));
        return new QuotaUsage(executions, uploads.today(tenant));
    }

    private TokenBucket bucketOf(TenantId tenant, QuotaLimits limits) {
        double rate = limits.intentsPerSecond();
        int size = QuotaRules.bucketSize(limits);
        TokenBucket bucket = buckets.get(tenant);
        if (bucket == null || !bucket.sized(rate, size)) {
            bucket = new TokenBucket(rate, size, System.nanoTime());
            buckets.put(tenant, bucket);
        }
        return bucket;
    }

    private TenantQuotaExceededException refused(TenantId tenant, QuotaLimit limit, Duration retryAfter,
                                                 String detail) {
        meters.exceeded(tenant.value(), limit);
        return new TenantQuotaExceededException(limit, retryAfter, detail);
    }

    private final class InFlightReservation implements Reservation {
        private final TenantId tenant;
        private boolean kept;

        private InFlightReservation(TenantId tenant) {
            this.tenant = tenant;
        }

        @Override
        public void keep() {
            if (!kept) {
                kept = true;
                inFlight.recorded(tenant);
            }
        }

        @Override
        public void close() {
            if (!kept) {
                kept = true;
                inFlight.release(tenant);
            }
        }
    }
}
