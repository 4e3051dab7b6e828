package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TenantGroupsTest {

    /** An element: its tenant and its number within the tenant. */
    record Item(String tenant, int number) {
    }

    private final TenantGroups<Item> groups = new TenantGroups<>(Item::tenant);

    @Test
    void aFloodingTenantTakesOneGroupAtATimeWhileAnotherTenantsSingleItemIsTakenAlone() throws Exception {
        addAll("flood", 100);
        groups.add(new Item("quiet", 0));

        TenantGroups.Group<Item> flood = groups.take(32);
        TenantGroups.Group<Item> quiet = groups.take(32);

        assertThat(flood.elements()).extracting(Item::number).containsExactlyElementsOf(numbers(0, 32));
        assertThat(flood.tenants()).containsExactly("flood");
        assertThat(quiet.elements()).containsExactly(new Item("quiet", 0));
        assertThat(groups.size()).isEqualTo(68);
        assertThat(groups.sizeOf("flood")).isEqualTo(68);
    }

    @Test
    void aHeldTenantIsNotTakenByAnotherHandlerUntilItsGroupIsHandedBack() throws Exception {
        addAll("flood", 40);
        TenantGroups.Group<Item> first = groups.take(32);

        CompletableFuture<TenantGroups.Group<Item>> second = takeInBackground(32);
        assertThat(waitBriefly(second)).isNull();

        groups.handBack(first);

        assertThat(second.get(5, TimeUnit.SECONDS).elements()).extracting(Item::number)
                .containsExactlyElementsOf(numbers(32, 40));
        assertThat(groups.isEmpty()).isTrue();
    }

    @Test
    void tenantsWithLittleWaitingShareAGroupButNeverWithALineThatDoesNotFitWhole() throws Exception {
        groups.add(new Item("a", 0));
        addAll("flood", 40);
        groups.add(new Item("b", 0));
        groups.add(new Item("b", 1));
        groups.add(new Item("c", 0));

        TenantGroups.Group<Item> small = groups.take(32);
        TenantGroups.Group<Item> flood = groups.take(32);

        assertThat(small.elements()).containsExactly(new Item("a", 0), new Item("b", 0), new Item("b", 1),
                new Item("c", 0));
        assertThat(small.tenants()).containsExactly("a", "b", "c");
        assertThat(flood.tenants()).containsExactly("flood");
        assertThat(flood.elements()).hasSize(32);
    }

    @Test
    void anItemAddedWhileItsTenantIsHeldWaitsForTheHandBackThenComesInOrder() throws Exception {
        groups.add(new Item("a", 0));
        TenantGroups.Group<Item> held = groups.take(32);
        groups.add(new Item("a", 1));
        groups.add(new Item("b", 0));

        TenantGroups.Group<Item> other = groups.take(32);
        assertThat(other.elements()).containsExactly(new Item("b", 0));

        groups.handBack(held);
        groups.handBack(other);
        assertThat(groups.take(32).elements()).containsExactly(new Item("a", 1));
    }

    @Test
    void aWaitingHandlerWakesWhenATenantNotHeldHasSomethingWaiting() throws Exception {
        CompletableFuture<TenantGroups.Group<Item>> waiting = takeInBackground(32);
        assertThat(waitBriefly(waiting)).isNull();

        groups.add(new Item("a", 0));

        assertThat(waiting.get(5, TimeUnit.SECONDS).elements()).containsExactly(new Item("a", 0));
    }

    private void addAll(String tenant, int count) {
        IntStream.range(0, count).forEach(number -> groups.add(new Item(tenant, number)));
    }

    private static List<Integer> numbers(int from, int to) {
        return new ArrayList<>(IntStream.range(from, to).boxed().toList());
    }

    private CompletableFuture<TenantGroups.Group<Item>> takeInBackground(int size) {
        CompletableFuture<TenantGroups.Group<Item>> taken = new CompletableFuture<>();
        Thread handler = new Thread(() -> {
            try {
                taken.complete(groups.take(size));
            } catch (InterruptedException e) {
                taken.completeExceptionally(e);
            }
        });
        handler.setDaemon(true);
        handler.start();
        return taken;
    }

    private static <T> T waitBriefly(CompletableFuture<T> future) throws InterruptedException, ExecutionException {
        try {
            return future.get(200, TimeUnit.MILLISECONDS);
        } catch (TimeoutException stillWaiting) {
            return null;
        }
    }
}
