package io.symphainy.runtime.core.infrastructure;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caches of the aggregates on the execution path (session, execution, saga, policy), so that a command on an
 * aggregate used moments ago does not rebuild it from its events again.
 *
 * <p>Each aggregate type has its own cache (a saga and its execution may share an identifier) of at most
 * {@code runtime.aggregate-cache.entries} aggregates (default {@value #DEFAULT_ENTRIES}; 0 turns caching off), the
 * least recently used evicted first; sessions, which every intent loads and which live far longer than an execution,
 * get {@code runtime.aggregate-cache.session-entries} (default {@value #DEFAULT_SESSION_ENTRIES}). A cache smaller
 * than the sessions clients use in turn misses on every load (the least recently used one is always the next one
 * asked for), and each miss reads the session's snapshot and events and builds the aggregate anew.
 *
 * <p>An entry is the aggregate as its last committed unit of work left it; a unit of work that rolls back evicts the
 * aggregates it loaded. On several nodes an entry could be stale (appending
 * from it violates the event store's unique (aggregate, sequence) key and rolls the whole unit of work back), so a
 * node keeps no entries while other nodes are alive ({@link BoundedAggregateCache#holdEntries(boolean)}).
 */
@Configuration(proxyBeanMethods = false)
public class AggregateCacheConfiguration {

    /** The bean name of the {@link io.symphainy.runtime.core.session.Session} cache. */
    public static final String SESSION_CACHE = "sessionAggregateCache";
    /** The bean name of the {@link io.symphainy.runtime.core.execution.Execution} cache. */
    public static final String EXECUTION_CACHE = "executionAggregateCache";
    /** The bean name of the {@link io.symphainy.runtime.core.saga.Saga} cache. */
    public static final String SAGA_CACHE = "sagaAggregateCache";
    /** The bean name of the {@link io.symphainy.runtime.core.policy.Policy} cache. */
    public static final String POLICY_CACHE = "policyAggregateCache";

    /** Aggregates each cache holds unless configured otherwise. */
    public static final int DEFAULT_ENTRIES = 256;

    /** Sessions the session cache holds unless configured otherwise. */
    public static final int DEFAULT_SESSION_ENTRIES = 4096;

    private static final String ENTRIES = "${runtime.aggregate-cache.entries:" + DEFAULT_ENTRIES + "}";
    private static final String SESSION_ENTRIES = "${runtime.aggregate-cache.session-entries:"
            + DEFAULT_SESSION_ENTRIES + "}";

    @Bean(SESSION_CACHE)
    public Cache sessionAggregateCache(@Value(ENTRIES) int entries, @Value(SESSION_ENTRIES) int sessionEntries) {
        return cacheOf(entries == 0 ? 0 : sessionEntries);
    }

    @Bean(EXECUTION_CACHE)
    public Cache executionAggregateCache(@Value(ENTRIES) int entries) {
        return cacheOf(entries);
    }

    @Bean(SAGA_CACHE)
    public Cache sagaAggregateCache(@Value(ENTRIES) int entries) {
        return cacheOf(entries);
    }

    @Bean(POLICY_CACHE)
    public Cache policyAggregateCache(@Value(ENTRIES) int entries) {
        return cacheOf(entries);
    }

    private static Cache cacheOf(int entries) {
        return entries == 0 ? NoCache.INSTANCE : new BoundedAggregateCache(entries);
    }
}
