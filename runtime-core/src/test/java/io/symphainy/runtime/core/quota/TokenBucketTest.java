package io.symphainy.runtime.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void letsAFullBurstThroughAtOnceThenRefusesWithTheWaitForTheNextToken() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);

        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();

        assertThat(bucket.take(0)).isEqualTo(SECOND / 2);
    }

    @Test
    void refillsAtTheRateUpToItsSize() {
        TokenBucket bucket = new TokenBucket(2, 3, 0);
        for (int i = 0; i < 3; i++) {
            bucket.take(0);
        }

        assertThat(bucket.take(SECOND / 2)).as("one token after half a second").isZero();
        assertThat(bucket.take(SECOND / 2)).as("and only one").isPositive();

        long muchLater = 100 * SECOND;
        for (int i = 0; i < 3; i++) {
            assertThat(bucket.take(muchLater)).as("token %d of a bucket full again", i).isZero();
        }
        assertThat(bucket.take(muchLater)).as("never more than its size").isPositive();
    }

    @Test
    void aRefusalTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);
        bucket.take(0);

        assertThat(bucket.take(SECOND / 4)).isEqualTo(3 * SECOND / 4);
        assertThat(bucket.take(SECOND / 2)).isEqualTo(SECOND / 2);
        assertThat(bucket.take(SECOND)).isZero();
    }

    @Test
    void knowsTheRateAndSizeItWasMadeFor() {
        TokenBucket bucket = new TokenBucket(2.5, 4, 0);

        assertThat(bucket.sized(2.5, 4)).isTrue();
        assertThat(bucket.sized(2.5, 5)).isFalse();
        assertThat(bucket.sized(3, 4)).isFalse();
    }
}
