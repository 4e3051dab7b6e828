package io.symphainy.runtime.api.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rebuilds every rebuildable projection from the event store, one after the other, and reports the State Surface
 * records (executions' state and the session) that read differently afterwards.
 */
final class ProjectionRebuildCheck {

    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(120);

    private final RuntimeClient client;

    ProjectionRebuildCheck(RuntimeClient client) {
        this.client = client;
    }

    /** The paths whose answer changed across the rebuilds, each with both answers. */
    List<String> driftAfterRebuild(Collection<String> executions, String session) throws Exception {
        List<String> paths = new ArrayList<>();
        executions.forEach(execution -> paths.add("/runtime/state/" + execution));
        paths.add("/session/" + session);
        Map<String, JsonNode> before = read(paths);
        for (JsonNode projection : client.ok(client.get("/runtime/projections")).get("projections")) {
            if (projection.path("rebuildable").asBoolean()) {
                rebuild(projection.get("name").asText());
            }
        }
        Map<String, JsonNode> after = read(paths);
        List<String> drift = new ArrayList<>();
        before.forEach((path, answer) -> {
            if (!answer.equals(after.get(path))) {
                drift.add(path + " before " + answer + " after " + after.get(path));
            }
        });
        return drift;
    }

    private void rebuild(String name) throws Exception {
        client.ok(client.post("/runtime/projections/" + name + "/rebuild", ""));
        long deadline = System.nanoTime() + REBUILD_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode projection : client.ok(client.get("/runtime/projections")).get("projections")) {
                if (projection.get("name").asText().equals(name) && !projection.path("replaying").asBoolean()
                        && projection.path("rebuild").hasNonNull("finished_at")) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projection " + name + " was not rebuilt within " + REBUILD_TIMEOUT);
    }

    private Map<String, JsonNode> read(List<String> paths) throws Exception {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : paths) {
            answers.put(path, client.ok(client.get(path)));
        }
        return answers;
    }
}
