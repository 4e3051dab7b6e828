package io.symphainy.runtime.core.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.config.ProcessorProperties;
import io.symphainy.runtime.core.saga.SagaCoordinator;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Threads per processor on a store created with more segments than the setting names now, on PostgreSQL. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class StoredSegmentsTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StoredSegments running;

    @Test
    void aNewStoreGetsOneCoordinatorSegmentAndOneThread() {
        assertThat(running.threadsPerProcessor()).isEqualTo(1);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (segmentsOf(SagaCoordinator.PROCESSING_GROUP) == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(segmentsOf(SagaCoordinator.PROCESSING_GROUP)).isEqualTo(1);
    }

    @Test
    void aStoreWithWiderProcessorsGetsAThreadForEachOfTheirSegments() {
        for (int segment = 0; segment < 4; segment++) {
            jdbc.update("insert into token_entry (processor_name, segment, timestamp) values (?, ?, ?)",
                    "created-with-four-segments", segment, "2026-01-01T00:00:00Z");
        }

        assertThat(new StoredSegments(jdbc, new ProcessorProperties(1, 50, 500, 1000, Duration.ZERO)).threadsPerProcessor()).isEqualTo(4);
        assertThat(new StoredSegments(jdbc, new ProcessorProperties(8, 50, 500, 1000, Duration.ZERO)).threadsPerProcessor()).isEqualTo(8);
    }

    private int segmentsOf(String processor) {
        return jdbc.queryForObject("select count(*) from token_entry where processor_name = ?", Integer.class,
                processor);
    }
}
