package io.symphainy.runtime.core.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.common.messages.UserId;
import io.symphainy.runtime.core.execution.messages.ExecutionStatus;
import io.symphainy.runtime.core.execution.messages.IntakeReceipt;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.RuntimeDriver;
import io.symphainy.runtime.core.testing.TestRealm;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * On a node that runs every segment of the coordinator, the saga's start and a step's success hand the next attempt
 * straight to the worker; the coordinator, reading the same start later, must not run it a second time. Real runtime
 * on PostgreSQL, in a context of its own so that no other test's execution hands steps over meanwhile.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = {"runtime.policy.default-decision=ALLOW",
        "runtime.saga.hand-off-next-step=true"})
@WithTestDatabase
class StepHandOffTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    private final TenantId tenant = new TenantId("tenant-hand-off");
    private final UserId user = new UserId("alice");

    @Autowired
    RuntimeDriver runtime;
    @Autowired
    StepWorker worker;

    @Test
    void everyAttemptRunsExactlyOnceWhenSuccessesHandTheNextStepOver() {
        long handedOffBefore = worker.handedOffAttempts();
        SessionId session = runtime.openSession(tenant, user);
        IntakeReceipt receipt = runtime.submit(tenant, user, session, TestRealm.FLAKY, Map.of("label", "h"), null);

        runtime.awaitStatus(tenant, receipt.executionId(), ExecutionStatus.COMPLETED, WITHIN);

        String execution = receipt.executionId().toString();
        List<String> attempts = TestRealm.LOG.stream().filter(entry -> entry.endsWith(":" + execution))
                .map(entry -> entry.substring(0, entry.length() - execution.length() - 1)).toList();
        assertThat(attempts).containsExactly("test.flaky:reserve:1", "test.flaky:charge:1", "test.flaky:charge:2",
                "test.flaky:charge:3", "test.flaky:confirm:1");
        // The saga's start → reserve, reserve → charge and charge (third attempt) → confirm went straight to the
        // worker; the retries of charge waited for their deadlines and the coordinator.
        assertThat(worker.handedOffAttempts() - handedOffBefore).isEqualTo(3);
    }
}
