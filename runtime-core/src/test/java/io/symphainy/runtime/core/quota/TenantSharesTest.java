package io.symphainy.runtime.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TenantSharesTest {

    private static final long SOON = TimeUnit.MILLISECONDS.toNanos(20);

    @Test
    void aTenantAloneMayHoldEveryPlace() {
        TenantShares shares = new TenantShares(4, 1, 1, TimeUnit.SECONDS);

        for (int i = 0; i < 4; i++) {
            assertThat(shares.enter("a", System.nanoTime() + SOON)).isTrue();
        }
        assertThat(shares.enter("a", System.nanoTime() + SOON)).isFalse();
        assertThat(shares.shareOf("a")).isEqualTo(4);
    }

    @Test
    void anotherTenantsArrivalShrinksTheShareOfTheOneHoldingThePlaces() {
        TenantShares shares = new TenantShares(4, 1, 1, TimeUnit.SECONDS);
        shares.enter("a", System.nanoTime() + SOON);
        shares.enter("a", System.nanoTime() + SOON);

        assertThat(shares.enter("b", System.nanoTime() + SOON)).isTrue();

        assertThat(shares.shareOf("a")).isEqualTo(1);
        assertThat(shares.enter("a", System.nanoTime() + SOON)).isFalse();
        shares.exit("a");
        assertThat(shares.enter("a", System.nanoTime() + SOON)).isFalse();
        shares.exit("a");
        assertThat(shares.enter("a", System.nanoTime() + SOON)).isTrue();
    }

    @Test
    void aTenantWaitingForItsShareGetsThePlaceGivenBack() throws Exception {
        TenantShares shares = new TenantShares(2, 1, 1, TimeUnit.SECONDS);
        shares.enter("b", System.nanoTime() + SOON);
        shares.enter("a", System.nanoTime() + SOON);

        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                () -> shares.enter("a", System.nanoTime() + TimeUnit.SECONDS.toNanos(5)));
        Thread.sleep(50);
        assertThat(waiting).isNotDone();
        shares.exit("a");

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theFullShareComesBackOnceTheOtherTenantHasBeenQuietForTheWindow() throws Exception {
        TenantShares shares = new TenantShares(4, 1, 50, TimeUnit.MILLISECONDS);
        shares.enter("b", System.nanoTime() + SOON);
        shares.exit("b");
        assertThat(shares.shareOf("a")).isEqualTo(1);

        Thread.sleep(80);

        assertThat(shares.shareOf("a")).isEqualTo(4);
    }

    @Test
    void anArrivalShrinksTheOthersShareWithoutTakingAPlaceAndATryNeverWaits() {
        TenantShares shares = new TenantShares(4, 2, 1, TimeUnit.SECONDS);
        shares.arrive("a");
        assertThat(shares.tryTake("a")).isTrue();
        assertThat(shares.tryTake("a")).isTrue();
        assertThat(shares.tryTake("a")).isTrue();

        shares.arrive("b");

        assertThat(shares.tryTake("a")).isFalse();
        assertThat(shares.tryTake("b")).isTrue();
        assertThat(shares.tryTake("b")).isTrue();
        assertThat(shares.tryTake("b")).isFalse();
        shares.exit("a");
        shares.exit("a");
        assertThat(shares.tryTake("a")).isTrue();
    }

    @Test
    void theNullTenantIsATenantLikeAnyOther() {
        TenantShares shares = new TenantShares(2, 1, 1, TimeUnit.SECONDS);
        shares.arrive("b");

        assertThat(shares.tryTake(null)).isTrue();
        assertThat(shares.tryTake(null)).isFalse();
        shares.exit(null);
        assertThat(shares.tryTake(null)).isTrue();
    }
}
