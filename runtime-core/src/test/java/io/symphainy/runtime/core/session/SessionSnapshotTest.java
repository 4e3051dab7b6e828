package io.symphainy.runtime.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.CallerMetaData;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.session.messages.UpdateSessionContextCommand;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A busy session is snapshotted, and a session rebuilt from its snapshot still admits intents.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {
        "runtime.session.snapshot-every=20", "runtime.policy.default-decision=ALLOW"})
@WithTestDatabase
class SessionSnapshotTest {

    private final TenantId tenant = new TenantId("tenant-snapshots");
    private final UserId user = new UserId("sam");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void admitsIntentsIntoASessionRebuiltFromItsSnapshot() {
        SessionId session = runtime.openSession(tenant, user);
        for (int change = 0; change < 45; change++) {
            commands.sendAndWait(GenericCommandMessage.asCommandMessage(new UpdateSessionContextCommand(session,
                    tenant, Map.of("turn", change))).withMetaData(CallerMetaData.of(tenant, user, session)));
        }

        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "s"), null);

        assertThat(receipt.rejected()).isFalse();
        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, Duration.ofSeconds(20));
        assertThat(jdbc.queryForObject("select count(*) from snapshot_event_entry where aggregate_identifier = ?",
                Integer.class, session.toString())).isPositive();
    }
}
