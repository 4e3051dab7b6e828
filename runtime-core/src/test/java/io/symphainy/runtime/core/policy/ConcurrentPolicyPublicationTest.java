package io.symphainy.runtime.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.policy.messages.Decision;
import io.symphainy.runtime.core.policy.messages.PolicyDocument;
import io.symphainy.runtime.core.policy.messages.PolicyId;
import io.symphainy.runtime.core.policy.messages.PolicyPublishedEvent;
import io.symphainy.runtime.core.policy.messages.PublishPolicyCommand;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The policy is loaded without a lock: publications racing for the same version are told apart by the event
 * store and retried, so every one of them becomes its own version.
 */
@SpringBootTest(classes = CoreTestApplication.class)
@WithTestDatabase
class ConcurrentPolicyPublicationTest {

    private static final int PUBLISHERS = 3;

    private final TenantId tenant = new TenantId("tenant-policy-race");
    private final UserId admin = new UserId("ada");

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;

    @Test
    void racingPublicationsEachGetTheirOwnVersion() {
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> publications = IntStream.range(0, PUBLISHERS)
                .mapToObj(publisher -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return commands.<Integer>sendAndWait(new PublishPolicyCommand(tenant,
                            new PolicyDocument(List.of(), publisher % 2 == 0 ? Decision.ALLOW : Decision.DENY),
                            admin));
                })).toList();
        start.countDown();

        List<Integer> versions = publications.stream().map(CompletableFuture::join).toList();

        assertThat(versions).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(eventStore.readEvents(PolicyId.forTenant(tenant).toString()).asStream()
                .map(event -> ((PolicyPublishedEvent) event.getPayload()).version()).toList())
                .containsExactly(1, 2, 3);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
