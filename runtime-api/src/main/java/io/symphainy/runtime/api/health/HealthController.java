package io.symphainy.runtime.api.health;

import io.symphainy.runtime.core.node.RuntimeNodes;
import io.symphainy.runtime.core.saga.AwaitedStarts;
import io.symphainy.runtime.core.worker.AwaitedAttempts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Liveness and readiness without credentials: the database answers and every event processor runs without error.
 * It also names this node and the segments of each streaming processor it holds, so that an operator sees how nodes
 * sharing one database split the work; and the step attempts, and the executions not started yet, that wait for a
 * capability version this node lacks (as of the last version scans), which do not make the node unhealthy: a node that
 * has the version takes them.
 */
@RestController
public class HealthController {

    private final DatabaseProbe database;
    private final EventProcessingConfiguration processing;
    private final AwaitedAttempts awaited;
    private final AwaitedStarts awaitedStarts;
    private final RuntimeNodes nodes;

    HealthController(DatabaseProbe database, EventProcessingConfiguration processing, AwaitedAttempts awaited,
                     AwaitedStarts awaitedStarts, RuntimeNodes nodes) {
        this.database = database;
        this.processing = processing;
        this.awaited = awaited;
        this.awaitedStarts = awaitedStarts;
        this.nodes = nodes;
    }

    @GetMapping("/health")
    public ResponseEntity<Map<String, Object>> health() {
        boolean databaseUp = database.answers();
        Map<String, String> processors = new LinkedHashMap<>();
        Map<String, List<Integer>> segments = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            processors.put(name, stateOf(processor));
            if (processor instanceof StreamingEventProcessor streaming) {
                segments.put(name, streaming.processingStatus().keySet().stream().sorted().toList());
            }
        });
        boolean up = databaseUp && processors.values().stream().allMatch("running"::equals);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("database", databaseUp ? "UP" : "DOWN");
        body.put("event_processors", processors);
        AwaitedAttempts.Report waiting = awaited.report();
        AwaitedStarts.Report starts = awaitedStarts.report();
        Map<String, Integer> byVersion = new TreeMap<>(waiting.byVersion());
        starts.byVersion().forEach((version, count) -> byVersion.merge(version, count, Integer::sum));
        body.put("waiting_for_capability_version", Map.of("attempts", waiting.attempts(),
                "starts", starts.executions(), "by_version", byVersion));
        body.put("node", nodes.nodeId());
        body.put("segments", segments);
        return ResponseEntity.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    private static String stateOf(EventProcessor processor) {
        if (processor instanceof StreamingEventProcessor streaming && streaming.isError()) {
            return "error";
        }
        return processor.isRunning() ? "running" : "stopped";
    }
}
