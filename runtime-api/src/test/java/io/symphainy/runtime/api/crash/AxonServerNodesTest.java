package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.saga.SagaCoordinator;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.test.server.AxonServerContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * Two runtime nodes on the {@code axonserver} profile: events and messages go through one Axon Server, tokens and
 * sagas stay in one PostgreSQL. Intents sent to both nodes in turn all finish, and the coordinator's segments spread
 * over both nodes. Needs a Docker engine for the Axon Server container; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
class AxonServerNodesTest {

    private static final String KEY = "axon-nodes-submitter";

    @Container
    static final AxonServerContainer AXON_SERVER = new AxonServerContainer("axoniq/axonserver:latest-jdk-17")
            .withDevMode(true);

    @TempDir
    Path work;

    @Test
    void twoNodesOnAxonServerShareTheWorkAndFinishEveryIntent() throws Exception {
        Path keys = Files.writeString(work.resolve("keys.yaml"), "- key: " + KEY
                + "\n  tenant_id: tenant-axon-nodes\n  user_id: ada\n  roles: [submitter, operator]\n");
        try (NodeCluster cluster = new NodeCluster(TestDatabase.createFresh(), keys,
                RuntimeLogs.file("axon-server-nodes-runtime.log"), 2,
                "--spring.profiles.active=axonserver",
                "--axon.axonserver.servers=" + AXON_SERVER.getAxonServerAddress(),
                "--runtime.nodes.heartbeat-interval=500ms",
                "--runtime.nodes.claim-interval=500ms")) {
            cluster.start(0, 1);
            RuntimeClient client = new RuntimeClient(cluster::next, KEY);
            String session = client.ok(client.post("/session/create", "{}")).get("session_id").asText();
            List<String> executions = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                executions.add(client.ok(client.post("/intent/submit", "{\"session_id\": \"" + session
                        + "\", \"intent_type\": \"diagnostics.echo\", \"idempotency_key\": \"" + UUID.randomUUID()
                        + "\", \"payload\": {\"fail_times\": 1}}")).get("execution_id").asText());
            }

            client.awaitAllTerminal(executions, Duration.ofSeconds(120));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!bothHoldCoordinatorSegments(cluster) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(bothHoldCoordinatorSegments(cluster)).as("coordinator segments: " + cluster.claims())
                    .isTrue();
            assertThat(cluster.requestsByNode()).containsKeys(0, 1);
        }
    }

    private static boolean bothHoldCoordinatorSegments(NodeCluster cluster) throws Exception {
        Map<String, Map<String, Integer>> claims = cluster.claims();
        return claims.getOrDefault(cluster.nodeId(0), Map.of()).containsKey(SagaCoordinator.PROCESSING_GROUP)
                && claims.getOrDefault(cluster.nodeId(1), Map.of()).containsKey(SagaCoordinator.PROCESSING_GROUP);
    }
}
