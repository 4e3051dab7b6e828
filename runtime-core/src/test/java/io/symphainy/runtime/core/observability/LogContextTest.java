package io.symphainy.runtime.core.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.messages.MetaDataKeys;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    @Test
    void putsTheIdsOfAMessagesMetaData() {
        MetaData metaData = MetaData.from(Map.of(MetaDataKeys.TENANT_ID, "tenant-a", MetaDataKeys.USER_ID, "alice",
                MetaDataKeys.SESSION_ID, "s-1", MetaDataKeys.EXECUTION_ID, "e-1"));

        try (LogContext ignored = LogContext.of(metaData)) {
            assertThat(MDC.getCopyOfContextMap()).containsEntry("tenant_id", "tenant-a")
                    .containsEntry("user_id", "alice").containsEntry("session_id", "s-1")
                    .containsEntry("execution_id", "e-1");
        }

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void anInnerScopeGivesTheOuterValuesBack() {
        try (LogContext outer = LogContext.open().put(LogContext.TENANT_ID, "tenant-a")
                .put(LogContext.EXECUTION_ID, "outer")) {
            try (LogContext inner = LogContext.open().put(LogContext.EXECUTION_ID, "inner")
                    .put(LogContext.STEP, "charge")) {
                assertThat(MDC.get(LogContext.EXECUTION_ID)).isEqualTo("inner");
                assertThat(MDC.get(LogContext.TENANT_ID)).isEqualTo("tenant-a");
            }
            assertThat(MDC.get(LogContext.EXECUTION_ID)).isEqualTo("outer");
            assertThat(MDC.get(LogContext.STEP)).isNull();
        }
        assertThat(MDC.get(LogContext.TENANT_ID)).isNull();
    }

    @Test
    void leavesAbsentIdsOut() {
        try (LogContext ignored = LogContext.of(MetaData.with(MetaDataKeys.TENANT_ID, "tenant-a"))) {
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys("tenant_id");
        }
    }
}
