package io.symphainy.runtime.api.axonserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.symphainy.runtime.api.RuntimeApplication;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The {@code axonserver} profile runs an execution with Axon Server as event store and message router. Needs a
 * Docker engine for the Axon Server container; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(classes = RuntimeApplication.class, properties = {
        "runtime.diagnostics.enabled=true", "runtime.embedded-database.enabled=true",
        "runtime.policy.default-decision=ALLOW"})
@ActiveProfiles("axonserver")
@Import(RuntimeDriver.class)
@WithTestDatabase
class AxonServerProfileTest {

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17")
            .withDevMode(true);

    @DynamicPropertySource
    static void axonServer(DynamicPropertyRegistry registry) {
        registry.add("axon.axonserver.servers", AXON_SERVER::getAxonServerAddress);
    }

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    EventStore eventStore;

    @Test
    void runsAnExecutionWithEventsInAxonServer() {
        TenantId tenant = new TenantId("tenant-axon-server");
        UserId user = new UserId("alice");
        SessionId session = runtime.openSession(tenant, user);

        IntakeReceipt receipt = runtime.submit(tenant, user, session, "diagnostics.echo", Map.of("fail_times", 1),
                null);

        await().atMost(Duration.ofSeconds(60)).until(() -> runtime.state(tenant, receipt.executionId())
                .map(view -> view.status() == ExecutionStatus.COMPLETED).orElse(false));
        assertThat(eventStore.getClass().getSimpleName()).isEqualTo("AxonServerEventStore");
    }
}
