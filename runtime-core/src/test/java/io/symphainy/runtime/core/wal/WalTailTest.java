package io.symphainy.runtime.core.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The read port and change signal live streams are built on: entries of an execution or a session after a position,
 * and notifications for the followers whose scope was appended to, driven through the real runtime on PostgreSQL.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class WalTailTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private final TenantId tenant = new TenantId("tenant-wal-tail");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    WalTail tail;
    @Autowired
    WalPages wal;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void readsAnExecutionsEntriesAfterAPositionInOrderAndOnlyForItsTenant() {
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "w"), null);
        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
        WalScope scope = WalScope.of(tenant, receipt.executionId());

        List<WalEntryView> all = await().atMost(WITHIN).until(() -> wal.entriesAfter(scope, 0, 1000),
                entries -> entries.stream().anyMatch(entry -> entry.eventType().equals("ExecutionCompletedEvent")));

        assertThat(all).extracting(WalEntryView::executionId).containsOnly(receipt.executionId().toString());
        assertThat(all).extracting(WalEntryView::position).isSorted().doesNotHaveDuplicates();
        assertThat(all.get(0).eventType()).isEqualTo("IntentAcceptedEvent");
        assertThat(wal.entriesAfter(scope, all.get(1).position(), 2))
                .extracting(WalEntryView::position).containsExactly(all.get(2).position(), all.get(3).position());
        assertThat(wal.entriesAfter(WalScope.of(new TenantId("tenant-other"), receipt.executionId()), 0, 1000))
                .isEmpty();
        assertThat(wal.entriesAfter(WalScope.of(tenant, session), 0, 1000)).extracting(WalEntryView::eventType)
                .startsWith("SessionCreatedEvent").containsAll(all.stream().map(WalEntryView::eventType).toList());
    }

    @Test
    void notifiesTheFollowersOfTheScopeAppendedToAndNotOthers() {
        AtomicInteger bystander = new AtomicInteger();
        AtomicInteger follower = new AtomicInteger();
        SessionId session = runtime.openSession(tenant, user);
        try (WalTail.Subscription unrelated = tail.follow(WalScope.of(tenant, SessionId.random()),
                bystander::incrementAndGet);
             WalTail.Subscription followed = tail.follow(WalScope.of(tenant, session), follower::incrementAndGet)) {
            // The tail notifies each new follower once, at its first look after the registration.
            await().atMost(WITHIN).until(() -> bystander.get() > 0 && follower.get() > 0);
            bystander.set(0);
            follower.set(0);

            IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "t"),
                    null);

            await().atMost(WITHIN).until(() -> follower.get() > 0);
            runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);
            await().atMost(WITHIN).until(() -> wal.entriesAfter(WalScope.of(tenant, receipt.executionId()), 0, 1000)
                    .stream().anyMatch(entry -> entry.eventType().equals("ExecutionCompletedEvent")));
            assertThat(bystander.get()).isZero();
        }
    }

    @Test
    void noticesEntriesAnotherNodeWroteAtItsNextPoll() {
        AtomicInteger follower = new AtomicInteger();
        SessionId session = SessionId.random();
        WalScope scope = WalScope.of(tenant, session);
        try (WalTail.Subscription followed = tail.follow(scope, follower::incrementAndGet)) {
            await().atMost(WITHIN).until(() -> follower.get() > 0);
            follower.set(0);

            // Another node's WAL projection commits a row: no signal reaches this node, only the poll finds it.
            jdbc.update("""
                    insert into wal_entry (event_identifier, tenant_id, session_id, event_type, occurred_at, payload,
                        meta_data)
                    values (?, ?, ?, 'RemoteNodeEvent', now(), '{}'::jsonb, '{}'::jsonb)""",
                    UUID.randomUUID().toString(), tenant.value(), session.value());

            await().atMost(WITHIN).until(() -> follower.get() > 0);
            assertThat(wal.entriesAfter(scope, 0, 10)).extracting(WalEntryView::eventType)
                    .containsExactly("RemoteNodeEvent");
        }
    }
}
