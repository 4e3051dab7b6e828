package io.symphainy.runtime.core.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import io.symphainy.runtime.core.wal.messages.WalEntryView;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The WAL projection wakes the tail after it commits: with a poll interval of an hour, only that signal can tell a
 * follower about new entries.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "runtime.policy.default-decision=ALLOW", "runtime.wal.tail.poll-interval=1h"})
@WithTestDatabase
class WalAppendSignalTest {

    private final TenantId tenant = new TenantId("tenant-wal-signal");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    WalTail tail;
    @Autowired
    WalPages wal;

    @Test
    void followersLearnOfCommittedEntriesWithoutWaitingForThePoll() {
        SessionId session = runtime.openSession(tenant, user);
        AtomicInteger notified = new AtomicInteger();
        try (WalTail.Subscription followed = tail.follow(WalScope.of(tenant, session), notified::incrementAndGet)) {

            runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "signal"), null);

            // One notification per committed WAL batch: the session's own batch may be the first one counted.
            await().atMost(Duration.ofSeconds(20)).until(() -> notified.get() > 0 && wal.entriesAfter(
                    WalScope.of(tenant, session), 0, 100).stream().map(WalEntryView::eventType)
                    .anyMatch("IntentAcceptedEvent"::equals));
            assertThat(wal.entriesAfter(WalScope.of(tenant, session), 0, 100)).extracting(WalEntryView::eventType)
                    .contains("SessionCreatedEvent", "IntentAcceptedEvent");
        }
    }
}
