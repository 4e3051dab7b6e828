package io.symphainy.runtime.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** One statement inserts a batch of timeline entries, on PostgreSQL: every column, in order, a repeat skipped. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class TimelineEntryInsertTest {

    private static final Instant AT = Instant.parse("2026-05-04T03:02:01.123456Z");

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyColumnOfEveryEntryIsInsertedInTheBatchesOrder() {
        String tenant = "tenant-insert-" + UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID execution = UUID.randomUUID();
        TimelineEntry full = entry(tenant, session, execution, "ops", "StepFailedEvent",
                new TimelineFacts("step charge attempt 2 failed: UPSTREAM_BUSY", "failed", "charge", 2, 1500L),
                "{\"code\": \"UPSTREAM_BUSY\"}");
        TimelineEntry bare = entry(tenant, null, null, null, "SessionCreatedEvent", TimelineFacts.of("opened"),
                "{}");
        List<TimelineEntry> batch = new ArrayList<>(List.of(full, bare));
        for (int i = 0; i < 40; i++) {
            batch.add(entry(tenant, session, execution, "ops", "StepStartedEvent", TimelineFacts.of("step " + i),
                    "{\"index\": " + i + "}"));
        }
        List<TimelineIntent> intents = new ArrayList<>();
        intents.add(new TimelineIntent("payments.charge", "payments"));
        batch.stream().skip(1).forEach(entry -> intents.add(null));

        int inserted = TimelineEntryInsert.insert(jdbc, batch, intents);

        assertThat(inserted).isEqualTo(42);
        List<Map<String, Object>> rows = jdbc.queryForList("select * from audit_timeline_entry where tenant_id = ? "
                + "order by position", tenant);
        assertThat(rows).extracting(row -> row.get("event_identifier"))
                .containsExactlyElementsOf(batch.stream().map(entry -> entry.event().getIdentifier()).toList());
        Map<String, Object> first = rows.get(0);
        assertThat(Arrays.asList(first.get("session_id"), first.get("execution_id"), first.get("user_id"),
                first.get("intent_type"), first.get("capability"), first.get("event_type"), first.get("outcome"),
                first.get("summary"), first.get("step_name"), first.get("attempt"), first.get("duration_millis")))
                .containsExactly(session, execution, "ops", "payments.charge", "payments", "StepFailedEvent",
                        "failed", "step charge attempt 2 failed: UPSTREAM_BUSY", "charge", 2, 1500L);
        assertThat(((Timestamp) first.get("occurred_at")).toInstant()).isEqualTo(AT);
        assertThat(jdbc.queryForObject("select payload->>'code' from audit_timeline_entry where event_identifier = ?",
                String.class, full.event().getIdentifier())).isEqualTo("UPSTREAM_BUSY");
        Map<String, Object> second = rows.get(1);
        assertThat(Arrays.asList(second.get("session_id"), second.get("execution_id"), second.get("user_id"),
                second.get("intent_type"), second.get("outcome"), second.get("attempt"),
                second.get("duration_millis"))).containsOnlyNulls();
    }

    @Test
    void anEntryWhoseEventHasARowAlreadyIsSkipped() {
        String tenant = "tenant-insert-" + UUID.randomUUID();
        TimelineEntry once = entry(tenant, null, null, null, "SessionCreatedEvent", TimelineFacts.of("opened"), "{}");
        TimelineEntry next = entry(tenant, null, null, null, "SessionClosedEvent", TimelineFacts.of("closed"), "{}");
        TimelineEntryInsert.insert(jdbc, List.of(once), Arrays.asList((TimelineIntent) null));

        int inserted = TimelineEntryInsert.insert(jdbc, List.of(once, next), Arrays.asList(null, null));

        assertThat(inserted).isEqualTo(1);
        assertThat(jdbc.queryForList("select event_type from audit_timeline_entry where tenant_id = ? "
                + "order by position", String.class, tenant))
                .containsExactly("SessionCreatedEvent", "SessionClosedEvent");
    }

    private static TimelineEntry entry(String tenant, UUID session, UUID execution, String user, String eventType,
                                       TimelineFacts facts, String payload) {
        EventMessage<?> event = GenericEventMessage.asEventMessage("recorded");
        return new TimelineEntry(event, tenant, session, execution, user, eventType, facts, Timestamp.from(AT),
                payload, null, null);
    }
}
