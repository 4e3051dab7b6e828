package io.symphainy.runtime.core.policy;

import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.NullLockFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The tenant's {@link Policy} is read by every intake of the tenant and written only when a new version is
 * published, so it is loaded without the repository's pessimistic lock: concurrent intakes of one tenant do not
 * queue behind each other, and each reads the latest committed version from the event store. Two concurrent
 * publications append the same version number; the event store's unique (aggregate, sequence) key rejects the
 * second, and the command gateway retries it on the new version. Without a lock the aggregate is also not cached:
 * a cached instance would be shared between a publication and the intakes reading it.
 */
@Configuration(proxyBeanMethods = false)
public class PolicyLockConfiguration {

    /** The bean name the {@link Policy} aggregate refers to. */
    public static final String POLICY_LOCK_FACTORY = "policyLockFactory";

    @Bean(POLICY_LOCK_FACTORY)
    public LockFactory policyLockFactory() {
        return NullLockFactory.INSTANCE;
    }
}
