package io.symphainy.runtime.api.health;

import io.symphainy.runtime.core.observability.ProcessorStatus;
import io.symphainy.runtime.core.observability.ProcessorStatuses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Actuator health of the event processors ({@code eventProcessors} in the readiness group): up while every
 * processor runs and none is in error, with each one's state, claimed segments, position and lag as details.
 */
@Component
public class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final ProcessorStatuses processors;

    EventProcessorsHealthIndicator(ProcessorStatuses processors) {
        super("event processors could not be inspected");
        this.processors = processors;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<ProcessorStatus> statuses = processors.current();
        boolean up = statuses.stream().allMatch(ProcessorStatus::healthy);
        (up ? builder.up() : builder.down()).withDetail("processors", details(statuses));
    }

    private static Map<String, Map<String, Object>> details(List<ProcessorStatus> statuses) {
        Map<String, Map<String, Object>> details = new LinkedHashMap<>();
        for (ProcessorStatus status : statuses) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("state", status.error() ? "error" : status.running() ? "running" : "stopped");
            if (status.streaming()) {
                detail.put("segments", status.segments());
                detail.put("position", status.position());
                detail.put("lag", status.lag());
            }
            details.put(status.name(), detail);
        }
        return details;
    }
}
