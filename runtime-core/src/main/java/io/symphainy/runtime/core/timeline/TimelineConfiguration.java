package io.symphainy.runtime.core.timeline;

import io.symphainy.runtime.core.projection.ReadModel;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the audit timeline (with the audit chain it keeps) with the shared read-model processor.
 */
@Configuration(proxyBeanMethods = false)
class TimelineConfiguration {

    @Bean
    ReadModel auditTimelineReadModel() {
        return ReadModel.rebuildable(AuditTimelineProjection.PROCESSING_GROUP);
    }
}
