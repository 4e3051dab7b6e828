package io.symphainy.runtime.api.health;

import io.symphainy.runtime.core.worker.AwaitedAttempts;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and readiness without credentials: the database answers and every event processor runs without error. It
 * also shows the step attempts that wait for a capability version this node lacks (as of the last version scan), which
 * do not make the node unhealthy: a node that has the version takes them.
 */
@RestController
public class HealthController {

    private final DatabaseProbe database;
    private final EventProcessingConfiguration processing;
    private final AwaitedAttempts awaited;

    HealthController(DatabaseProbe database, EventProcessingConfiguration processing, AwaitedAttempts awaited) {
        this.database = database;
        this.processing = processing;
        this.awaited = awaited;
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, Object>> health() {
        boolean databaseUp = database.answers();
        Map<String, String> processors = new LinkedHashMap<>();
        processing.eventProcessors().forEach((name, processor) -> processors.put(name, stateOf(processor)));
        boolean up = databaseUp && processors.values().stream().allMatch("running"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", databaseUp ? "UP" : "DOWN");
        body.put("event_processors", processors);
        AwaitedAttempts.Report waiting = awaited.report();
        body.put("waiting_for_capability_version", Map.of("attempts", waiting.attempts(),
                "by_version", waiting.byVersion()));
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static String stateOf(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
            return "error";
        }
        return processor.isRunning() ? "running" : "stopped";
    }
}
