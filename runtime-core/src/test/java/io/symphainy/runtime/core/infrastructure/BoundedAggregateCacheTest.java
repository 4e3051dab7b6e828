package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

class BoundedAggregateCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedEntryBeyondItsBound() {
        BoundedAggregateCache cache = new BoundedAggregateCache(2);
        List<Object> expired = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryExpired(Object key) {
                expired.add(key);
            }
        });
        cache.put("a", 1);
        cache.put("b", 2);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(1);

        cache.put("c", 3);

        assertThat(cache.containsKey("a")).isTrue();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.containsKey("c")).isTrue();
        assertThat(expired).containsExactly("b");
    }

    @Test
    void removesAndReplacesEntries() {
        BoundedAggregateCache cache = new BoundedAggregateCache(4);
        assertThat(cache.putIfAbsent("a", 1)).isTrue();
        assertThat(cache.putIfAbsent("a", 2)).isFalse();
        cache.computeIfPresent("a", (Integer value) -> value + 10);
        assertThat(cache.<String, Integer>get("a")).isEqualTo(11);
        assertThat(cache.computeIfAbsent("b", () -> 5)).isEqualTo(5);

        assertThat(cache.remove("a")).isTrue();
        assertThat(cache.remove("a")).isFalse();
        cache.removeAll();

        assertThat(cache.containsKey("b")).isFalse();
    }

    @Test
    void keepsNothingWhileOtherNodesShareTheDatabase() {
        BoundedAggregateCache cache = new BoundedAggregateCache(4);
        cache.put("a", 1);

        cache.holdEntries(false);
        cache.put("b", 2);

        assertThat(cache.<String, Integer>get("a")).isNull();
        assertThat(cache.containsKey("b")).isFalse();
        assertThat(cache.computeIfAbsent("c", () -> 3)).isEqualTo(3);
        assertThat(cache.containsKey("c")).isFalse();

        cache.holdEntries(true);
        cache.put("d", 4);
        assertThat(cache.<String, Integer>get("d")).isEqualTo(4);
    }

    @Test
    void refusesABoundWithoutRoom() {
        assertThatThrownBy(() -> new BoundedAggregateCache(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
