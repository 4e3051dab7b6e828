package io.symphainy.runtime.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TimeOrderedIds;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.saga.messages.SagaId;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

/** Identifiers made in order: version 7 UUIDs that sort by the millisecond they were made, as text and as uuid. */
class TimeOrderedIdsTest {

    @Test
    void anIdentifierIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }

    @Test
    void anIdentifierMadeInALaterMillisecondSortsAfterAsTextAndAsPostgresqlComparesUuids() {
        UUID first = TimeOrderedIds.next();
        UUID later = madeAfterTheMillisecondOf(first);

        assertThat(first.toString()).isLessThan(later.toString());
        assertThat(Long.compareUnsigned(first.getMostSignificantBits(), later.getMostSignificantBits()))
                .isNegative();
    }

    @Test
    void identifiersMadeInTheSameMillisecondAreStillDistinct() {
        Set<UUID> made = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> made.add(TimeOrderedIds.next()));

        assertThat(made).hasSize(100_000);
    }

    @Test
    void axonMakesMessageIdentifiersAndTheRuntimeExecutionIdentifiersInOrder() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedEventIdentifiers.class);
        assertThat(UUID.fromString(GenericEventMessage.asEventMessage("event").getIdentifier()).version())
                .isEqualTo(7);
        assertThat(ExecutionId.random().value().version()).isEqualTo(7);
    }

    @Test
    void aTimeOrderedExecutionsSagaIsTimeOrderedBesideItAndAnEarlierExecutionsKeepsItsNameBasedId() {
        ExecutionId execution = ExecutionId.random();
        UUID saga = SagaId.forExecution(execution).value();

        assertThat(saga.version()).isEqualTo(7);
        assertThat(saga).isNotEqualTo(execution.value()).isEqualTo(SagaId.forExecution(execution).value());
        assertThat(saga.getMostSignificantBits() >>> 16).isEqualTo(execution.value().getMostSignificantBits() >>> 16);
        assertThat(SagaId.forExecution(ExecutionId.random()).value()).isNotEqualTo(saga);

        ExecutionId recordedEarlier = new ExecutionId(UUID.randomUUID());
        assertThat(SagaId.forExecution(recordedEarlier).value()).isEqualTo(UUID.nameUUIDFromBytes(
                ("saga:" + recordedEarlier).getBytes(StandardCharsets.UTF_8)));
    }

    private static UUID madeAfterTheMillisecondOf(UUID first) {
        UUID next = TimeOrderedIds.next();
        while (next.getMostSignificantBits() >>> 16 == first.getMostSignificantBits() >>> 16) {
            Thread.onSpinWait();
            next = TimeOrderedIds.next();
        }
        return next;
    }
}
