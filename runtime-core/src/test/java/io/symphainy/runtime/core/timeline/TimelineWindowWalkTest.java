package io.symphainy.runtime.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import io.symphainy.runtime.core.timeline.messages.TimelineEntryView;
import io.symphainy.runtime.core.timeline.messages.TimelineFilter;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Pages of a time window walked between the span summary's bounds, on PostgreSQL, against the entries the window
 * holds: in order, scattered, of several tenants, and when the walk gives up.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class TimelineWindowWalkTest {

    private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditTimeline timeline;

    private final Random random = new Random(11);

    @Test
    void everyWindowAndCursorOfEntriesRecordedInTimeOrderIsWalkedToTheSameEntriesAsTheWindowHolds() {
        String tenant = newTenant();
        String other = newTenant();
        for (int i = 0; i < 600; i++) {
            insert(tenant, START.plusMillis(i * 250L));
            insert(other, START.plusMillis(i * 250L));
        }
        TimelineWindowWalk walk = new TimelineWindowWalk(jdbc, 200);

        for (int probe = 0; probe < 40; probe++) {
            Instant from = START.plusMillis(random.nextInt(150_000));
            Instant to = from.plusMillis(1 + random.nextInt(30_000));
            long after = random.nextBoolean() ? 0 : someEntryOf(tenant);
            Optional<List<TimelineEntryView>> walked = walk.read(window(tenant, from, to), after, 25);

            assertThat(walked).as("a walk over entries in time order never gives up").isPresent();
            assertThat(positions(walked.get())).isEqualTo(held(tenant, from, to, after, 25));
        }
    }

    @Test
    void scatteredEntriesAreWalkedToTheSameEntriesOrTheWalkGivesUp() {
        String tenant = newTenant();
        for (int i = 0; i < 400; i++) {
            insert(tenant, START.plusSeconds(random.nextInt(3_600)));
        }
        TimelineWindowWalk patient = new TimelineWindowWalk(jdbc, TimelineWindowWalk.EXAMINED);
        TimelineWindowWalk impatient = new TimelineWindowWalk(jdbc, 20);
        int gaveUp = 0;

        for (int probe = 0; probe < 40; probe++) {
            Instant from = START.plusSeconds(random.nextInt(3_000));
            Instant to = from.plus(Duration.ofSeconds(30 + random.nextInt(600)));
            List<Long> held = held(tenant, from, to, 0, 10);
            assertThat(positions(patient.read(window(tenant, from, to), 0, 10).orElseThrow())).isEqualTo(held);
            Optional<List<TimelineEntryView>> hurried = impatient.read(window(tenant, from, to), 0, 10);
            if (hurried.isPresent()) {
                assertThat(positions(hurried.get())).isEqualTo(held);
            } else {
                gaveUp++;
            }
        }
        assertThat(gaveUp).as("walks that met more than 20 entries outside a window without a full page")
                .isPositive();
    }

    @Test
    void aPageOfAWindowIsTheSameWhetherWalkedOrReadInFull() {
        String tenant = newTenant();
        for (int i = 0; i < 300; i++) {
            insert(tenant, START.plusSeconds(random.nextInt(1_800)));
        }
        Instant from = START.plusSeconds(600);
        Instant to = START.plusSeconds(1_200);
        long after = 0;
        List<Long> paged = new ArrayList<>();
        do {
            var page = timeline.page(window(tenant, from, to), after, 7);
            paged.addAll(positions(page.entries()));
            after = page.nextAfter() == null ? -1 : page.nextAfter();
        } while (after >= 0);

        assertThat(paged).isEqualTo(held(tenant, from, to, 0, Integer.MAX_VALUE)).isNotEmpty();
    }

    @Test
    void aWindowWithoutEntriesAndAWindowPastTheCursorAreEmpty() {
        String tenant = newTenant();
        for (int i = 0; i < 50; i++) {
            insert(tenant, START.plusSeconds(i));
        }
        TimelineWindowWalk walk = new TimelineWindowWalk(jdbc, TimelineWindowWalk.EXAMINED);

        assertThat(walk.read(window(tenant, START.minusSeconds(3_600), START), 0, 10)).contains(List.of());
        assertThat(walk.read(window(tenant, START, START.plusSeconds(60)), Long.MAX_VALUE - 1, 10))
                .contains(List.of());
        assertThat(walk.read(window(newTenant(), START, START.plusSeconds(60)), 0, 10)).contains(List.of());
    }

    private static String newTenant() {
        return "tenant-walk-" + UUID.randomUUID();
    }

    private static TimelineFilter window(String tenant, Instant from, Instant to) {
        return new TimelineFilter(new TenantId(tenant), from, to, null, null, null, null, null, null, null);
    }

    private void insert(String tenant, Instant occurredAt) {
        jdbc.update("""
                insert into audit_timeline_entry
                    (event_identifier, tenant_id, event_type, summary, occurred_at, payload)
                values (?, ?, 'StepSucceededEvent', 'walked', ?, '{}'::jsonb)""",
                UUID.randomUUID().toString(), tenant, Timestamp.from(occurredAt));
    }

    private long someEntryOf(String tenant) {
        List<Long> all = jdbc.queryForList("select position from audit_timeline_entry where tenant_id = ? "
                + "order by position", Long.class, tenant);
        return all.get(random.nextInt(all.size()));
    }

    /** The first {@code rows} positions after {@code after} of the tenant's entries in the window, read in full. */
    private List<Long> held(String tenant, Instant from, Instant to, long after, int rows) {
        return jdbc.queryForList("select position from audit_timeline_entry where tenant_id = ? and occurred_at >= ? "
                        + "and occurred_at < ? and position > ? order by position limit ?", Long.class, tenant,
                Timestamp.from(from), Timestamp.from(to), after, rows);
    }

    private static List<Long> positions(List<TimelineEntryView> entries) {
        return entries.stream().map(TimelineEntryView::position).toList();
    }
}
