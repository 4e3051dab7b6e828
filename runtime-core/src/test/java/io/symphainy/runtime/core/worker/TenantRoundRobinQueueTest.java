package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.quota.TenantShares;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantRoundRobinQueueTest {

    /** An element: its tenant and its number within the tenant. */
    record Item(String tenant, int number) {
    }

    private final TenantRoundRobinQueue<Item> queue = new TenantRoundRobinQueue<>(10_000, Item::tenant);

    @Test
    void aTenantsSingleItemIsServedWithinAFewPollsBehindAnotherTenantsThousand() {
        for (int i = 0; i < 1000; i++) {
            queue.offer(new Item("busy", i));
        }
        queue.offer(new Item("quiet", 0));

        List<Item> served = new ArrayList<>();
        while (!served.contains(new Item("quiet", 0))) {
            served.add(queue.poll());
        }

        assertThat(served).hasSizeLessThanOrEqualTo(2);
        assertThat(queue.size()).isEqualTo(1001 - served.size());
    }

    @Test
    void servesTenantsInTurnAndEachTenantInArrivalOrder() {
        queue.offer(new Item("a", 1));
        queue.offer(new Item("a", 2));
        queue.offer(new Item("a", 3));
        queue.offer(new Item("b", 1));
        queue.offer(new Item("c", 1));
        queue.offer(new Item("b", 2));

        List<Item> served = new ArrayList<>();
        queue.drainTo(served, 4);
        queue.drainTo(served);

        assertThat(served).containsExactly(new Item("a", 1), new Item("b", 1), new Item("c", 1), new Item("a", 2),
                new Item("b", 2), new Item("a", 3));
        assertThat(queue.poll()).isNull();
        assertThat(queue.tenants()).isZero();
    }

    @Test
    void boundsAllTenantsTogetherAndCountsEachTenant() {
        TenantRoundRobinQueue<Item> small = new TenantRoundRobinQueue<>(3, Item::tenant);

        assertThat(small.offer(new Item("a", 1))).isTrue();
        assertThat(small.offer(new Item("a", 2))).isTrue();
        assertThat(small.offer(new Item("b", 1))).isTrue();
        assertThat(small.offer(new Item("c", 1))).as("full").isFalse();

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.remainingCapacity()).isZero();
        assertThat(small.sizeOf("a")).isEqualTo(2);
        assertThat(small.sizeOf("c")).isZero();
        assertThat(small.tenants()).isEqualTo(2);
    }

    @Test
    void removesAnElementAndKeepsTheTurnsOfTheOthers() {
        queue.offer(new Item("a", 1));
        queue.offer(new Item("b", 1));
        queue.offer(new Item("a", 2));

        assertThat(queue.remove(new Item("b", 1))).isTrue();
        assertThat(queue.remove(new Item("b", 1))).isFalse();

        assertThat(queue.peek()).isEqualTo(new Item("a", 1));
        assertThat(queue).containsExactly(new Item("a", 1), new Item("a", 2));
        assertThat(queue.tenants()).isEqualTo(1);
    }

    @Test
    void aTakeWaitsForAnOfferAndATimedPollGivesUp() throws Exception {
        assertThat(queue.poll(20, TimeUnit.MILLISECONDS)).isNull();

        CompletableFuture<Item> taken = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        queue.offer(new Item("a", 1));

        assertThat(taken.get(5, TimeUnit.SECONDS)).isEqualTo(new Item("a", 1));
    }

    @Test
    void aThreadPoolOverItRunsEveryTaskAndRefusesWhenFull() throws Exception {
        TenantRoundRobinQueue<Runnable> tasks = new TenantRoundRobinQueue<>(100, TenantTask::tenantOf);
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, tasks);
        LinkedBlockingQueue<String> ran = new LinkedBlockingQueue<>();
        try {
            for (int i = 0; i < 50; i++) {
                String name = "t" + (i % 3) + "-" + i;
                pool.execute(new TenantTask(new TenantId("t" + (i % 3)),
                        () -> ran.add(name)));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(ran).hasSize(50);
    }

    @Test
    void withSharesATakeSkipsATenantRunningItsShareWhileAnotherTenantWaits() {
        TenantRoundRobinQueue<Item> shared = new TenantRoundRobinQueue<>(100, Item::tenant,
                new TenantShares(4, 2, 1, TimeUnit.SECONDS));
        for (int i = 0; i < 6; i++) {
            shared.offer(new Item("busy", i));
        }
        shared.offer(new Item("quiet", 0));
        shared.offer(new Item("quiet", 1));

        List<Item> taken = List.of(shared.poll(), shared.poll(), shared.poll(), shared.poll());

        assertThat(taken).containsExactly(new Item("busy", 0), new Item("quiet", 0), new Item("busy", 1),
                new Item("quiet", 1));
        assertThat(shared.poll()).as("busy runs its share, 2 of 4, and quiet has none waiting").isNull();
        shared.finished(new Item("busy", 0));
        assertThat(shared.poll()).isEqualTo(new Item("busy", 2));
    }

    @Test
    void withSharesATakerWaitingForAHeldBackTenantGetsItsElementWhenOneOfItsRunningFinishes() throws Exception {
        TenantRoundRobinQueue<Item> shared = new TenantRoundRobinQueue<>(100, Item::tenant,
                new TenantShares(2, 1, 1, TimeUnit.SECONDS));
        shared.offer(new Item("quiet", 0));
        shared.offer(new Item("busy", 0));
        shared.offer(new Item("busy", 1));
        assertThat(shared.poll()).isEqualTo(new Item("quiet", 0));
        assertThat(shared.poll()).isEqualTo(new Item("busy", 0));

        CompletableFuture<Item> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return shared.poll(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        shared.finished(new Item("busy", 0));

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(new Item("busy", 1));
    }
}
