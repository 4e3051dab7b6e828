package io.symphainy.runtime.core.policy;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.policy.messages.PolicyDecision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyId;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PolicySubject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The latest committed version of each tenant's policy, which decides about every new intent of the tenant.
 *
 * <p>It is read from the event store (the tenant's publications: the last one counts) and remembered, so the intakes
 * of one tenant do not queue behind each other on the {@link Policy} aggregate's lock, as they did when each loaded
 * the aggregate. A publication made on this node replaces the remembered version as soon as it commits
 * ({@link PolicyCommits}): an intent submitted right after {@code PUT /policy} is decided by the new version. One
 * made on another node is read once the remembered version is older than {@link PolicyProperties#reloadAfter()}.
 */
@Component
public class CommittedPolicies {

    private record Remembered(int version, PolicyDocument document, long readAtNanos) {
    }

    private final EventStore eventStore;
    private final PolicyProperties properties;
    private final Map<TenantId, Remembered> latest = new ConcurrentHashMap<>();

    CommittedPolicies(EventStore eventStore, PolicyProperties properties) {
        this.eventStore = eventStore;
        this.properties = properties;
    }

    /** What the tenant's latest committed policy decides about the subject; the configured fallback without one. */
    public PolicyDecision decide(PolicySubject subject) {
        Remembered policy = current(subject.tenantId());
        return policy.document() == null ? PolicyRules.withoutPolicy(properties.defaultDecision(), subject)
                : PolicyRules.evaluate(policy.document(), policy.version(), subject);
    }

    /** A publication committed on this node: it decides from now on. */
    void published(PolicyPublishedEvent event) {
        latest.merge(event.tenantId(), new Remembered(event.version(), event.document(), System.nanoTime()),
                CommittedPolicies::newer);
    }

    private Remembered current(TenantId tenant) {
        Remembered known = latest.get(tenant);
        if (known != null && System.nanoTime() - known.readAtNanos() < properties.reloadAfter().toNanos()) {
            return known;
        }
        return latest.merge(tenant, stored(tenant), CommittedPolicies::newer);
    }

    private Remembered stored(TenantId tenant) {
        long readAt = System.nanoTime();
        PolicyPublishedEvent last = null;
        DomainEventStream publications = eventStore.readEvents(PolicyId.forTenant(tenant).toString());
        while (publications.hasNext()) {
            if (publications.next().getPayload() instanceof PolicyPublishedEvent published) {
                last = published;
            }
        }
        return last == null ? new Remembered(0, null, readAt)
                : new Remembered(last.version(), last.document(), readAt);
    }

    /** The higher version, read at the later of the two times. */
    private static Remembered newer(Remembered known, Remembered read) {
        Remembered higher = read.version() >= known.version() ? read : known;
        return new Remembered(higher.version(), higher.document(), Math.max(known.readAtNanos(), read.readAtNanos()));
    }
}
