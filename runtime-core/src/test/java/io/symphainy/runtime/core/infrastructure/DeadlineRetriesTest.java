package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.task.Task;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A deadline whose handling failed fires again within seconds, not after db-scheduler's five minutes: the runtime's
 * deadline task replaces Axon's and backs off from half a second to at most thirty.
 */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class DeadlineRetriesTest {

    /** The name Axon gives its deadline task in db-scheduler's table. */
    private static final String AXON_DEADLINE_TASK = "AxonDeadline";

    @Autowired
    ApplicationContext context;

    @Test
    void theOnlyDeadlineTaskIsTheRuntimesWithItsRetries() {
        Collection<Task> tasks = context.getBeansOfType(Task.class).values();

        assertThat(tasks).filteredOn(task -> task.getName().equals(AXON_DEADLINE_TASK))
                .singleElement()
                .satisfies(task -> assertThat(task.getFailureHandler()).isInstanceOf(DeadlineRetries.class));
    }

    @Test
    void backsOffFromHalfASecondDoublingUpToThirtySeconds() {
        assertThat(DeadlineRetries.delayAfter(0)).isEqualTo(Duration.ofMillis(500));
        assertThat(DeadlineRetries.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(DeadlineRetries.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(DeadlineRetries.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(DeadlineRetries.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(30));
    }
}
