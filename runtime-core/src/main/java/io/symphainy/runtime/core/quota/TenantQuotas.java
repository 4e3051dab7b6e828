package io.symphainy.runtime.core.quota;

import io.symphainy.runtime.core.common.DaemonThreads;
import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.messages.TenantQuotaId;
import io.symphainy.runtime.core.quota.messages.TenantQuotaSetEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The quota that applies to each tenant: the last one recorded ({@code PUT /admin/quota}), else its configured
 * override, else the default.
 *
 * <p>A recorded quota is read from the event store and remembered, like the policies, so that an intent costs no
 * read: a quota set on this node applies as soon as it commits ({@link QuotaEvents}); one set on another node once
 * the remembered one is older than {@link QuotaProperties#reloadAfter()}. Only a tenant's first intent waits for the
 * read: later, a quota remembered too long is read again in the background while intents go on with it.
 */
@Component
public class TenantQuotas implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(TenantQuotas.class);

    private record Remembered(EffectiveQuota quota, long sequence, long readAtNanos) {
    }

    private final EventStore eventStore;
    private final QuotaDefaults defaults;
    private final QuotaProperties properties;
    private final Map<TenantId, Remembered> remembered = new ConcurrentHashMap<>();
    private final Set<TenantId> rereading = ConcurrentHashMap.newKeySet();
    private final ExecutorService rereads = Executors.newSingleThreadExecutor(DaemonThreads.named("quota-reads-"));

    TenantQuotas(EventStore eventStore, QuotaDefaults defaults, QuotaProperties properties) {
        this.eventStore = eventStore;
        this.defaults = defaults;
        this.properties = properties;
    }

    /** The quota that applies to the tenant now. */
    public EffectiveQuota effective(TenantId tenant) {
        Remembered known = remembered.get(tenant);
        if (known == null) {
            return remembered.merge(tenant, stored(tenant), TenantQuotas::later).quota();
        }
        if (System.nanoTime() - known.readAtNanos() >= properties.reloadAfter().toNanos() && rereading.add(tenant)) {
            rereads.execute(() -> {
                try {
                    remembered.merge(tenant, stored(tenant), TenantQuotas::later);
                } catch (RuntimeException e) {
                    log.warn("Could not read the quota of tenant {} again; going on with the one read before",
                            tenant, e);
                } finally {
                    rereading.remove(tenant);
                }
            });
        }
        return known.quota();
    }

    @Override
    public void destroy() {
        rereads.shutdownNow();
    }

    /** A quota recorded on this node committed: it applies from now on. */
    void recorded(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domain
                && domain.getPayload() instanceof TenantQuotaSetEvent set) {
            remembered.merge(set.tenantId(), recorded(domain, set, System.nanoTime()), TenantQuotas::later);
        }
    }

    private Remembered stored(TenantId tenant) {
        long readAt = System.nanoTime();
        Remembered last = null;
        DomainEventStream settings = eventStore.readEvents(TenantQuotaId.forTenant(tenant).toString());
        while (settings.hasNext()) {
            DomainEventMessage<?> message = settings.next();
            if (message.getPayload() instanceof TenantQuotaSetEvent set) {
                last = recorded(message, set, readAt);
            }
        }
        return last != null ? last : new Remembered(configured(tenant), -1, readAt);
    }

    private EffectiveQuota configured(TenantId tenant) {
        var override = properties.tenants().get(tenant.value());
        return override == null ? new EffectiveQuota(defaults.limits(), EffectiveQuota.Source.DEFAULT, null, null)
                : new EffectiveQuota(QuotaRules.configured(defaults.limits(), override),
                EffectiveQuota.Source.CONFIGURED, null, null);
    }

    private static Remembered recorded(DomainEventMessage<?> message, TenantQuotaSetEvent set, long readAt) {
        Object user = message.getMetaData().get(MetaDataKeys.USER_ID);
        Instant at = message.getTimestamp();
        return new Remembered(new EffectiveQuota(set.limits(), EffectiveQuota.Source.RECORDED, at,
                user == null ? null : user.toString()), message.getSequenceNumber(), readAt);
    }

    /** The later recording of the two, read at the later of the two times. */
    private static Remembered later(Remembered known, Remembered read) {
        Remembered later = read.sequence() >= known.sequence() ? read : known;
        return new Remembered(later.quota(), later.sequence(), Math.max(known.readAtNanos(), read.readAtNanos()));
    }
}
