package io.symphainy.runtime.core.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantTurnstileTest {

    private static final long LONG = TimeUnit.SECONDS.toNanos(10);

    private final TenantTurnstile turnstile = new TenantTurnstile(1);
    private final ExecutorService waiters = Executors.newCachedThreadPool();
    private final List<String> entered = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        waiters.shutdownNow();
    }

    @Test
    void takesFreePlacesAtOnceAndRefusesWhenNoneFreesUpInTime() {
        TenantTurnstile two = new TenantTurnstile(2);

        assertThat(two.enter("a", 0)).isTrue();
        assertThat(two.enter("b", 0)).isTrue();
        long started = System.nanoTime();
        assertThat(two.enter("a", TimeUnit.MILLISECONDS.toNanos(30))).isFalse();

        assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30));
        assertThat(two.waiting()).as("a waiter that gave up is gone").isZero();
        two.exit();
        assertThat(two.enter("c", 0)).isTrue();
    }

    @Test
    void aTenantsSingleWaiterGetsTheNextPlaceBeforeAnotherTenantsEarlierWaiters() throws Exception {
        assertThat(turnstile.enter("busy", 0)).isTrue();
        for (int i = 1; i <= 3; i++) {
            await("busy-" + i, "busy", i);
        }
        await("quiet", "quiet", 4);

        for (int i = 0; i < 4; i++) {
            turnstile.exit();
            awaitEntered(i + 1);
        }

        assertThat(entered).containsExactly("busy-1", "quiet", "busy-2", "busy-3");
    }

    /** Starts a thread that waits for a place as the tenant, and returns once it waits (the {@code nth} waiter). */
    private void await(String name, String tenant, int nth) throws InterruptedException {
        waiters.submit(() -> {
            if (turnstile.enter(tenant, LONG)) {
                entered.add(name);
            }
        });
        long deadline = System.nanoTime() + LONG;
        while (turnstile.waiting() < nth && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(turnstile.waiting()).isEqualTo(nth);
    }

    private void awaitEntered(int count) throws InterruptedException {
        long deadline = System.nanoTime() + LONG;
        while (entered.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(entered).hasSize(count);
    }
}
