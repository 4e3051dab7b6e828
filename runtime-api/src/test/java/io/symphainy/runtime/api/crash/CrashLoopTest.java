package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Repeated SIGKILLs of the runtime (12; {@code -Dcrash.restarts=N} for more) while clients keep submitting (each intent
 * with its own idempotency key, sent again after any failed answer). Afterwards every acknowledged intent exists once
 * and is terminal, no idempotency key was recorded twice, the steps of the {@link LedgerCapability} ran as their
 * side-effect class allows (PURE and IDEMPOTENT at least once, NON_REPEATABLE never twice), the tenant's audit chain
 * verifies, and rebuilding every projection from the event store leaves the State Surface as it was.
 */
class CrashLoopTest {

    private static final String KEY = "crash-loop-admin";
    private static final int RESTARTS = Integer.getInteger("crash.restarts", 12);
    private static final int CLIENTS = 2;
    private static final Random KILL_DELAYS = new Random(17);

    @TempDir
    Path work;

    private volatile RuntimeProcess runtime;

    @Test
    void everyAcknowledgedIntentFinishesOnceThroughRepeatedKills() throws Exception {
        long began = System.nanoTime();
        TestDatabase database = TestDatabase.createFresh();
        Path keys = Files.writeString(work.resolve("keys.yaml"), "- key: " + KEY + "\n  tenant_id: tenant-loop\n"
                + "  user_id: lou\n  roles: [submitter, operator, auditor, admin]\n");
        Path ledger = work.resolve("ledger.txt");
        Path log = RuntimeLogs.file("crash-loop-runtime.log");
        String[] arguments = {
                "--spring.main.sources=" + LedgerCapability.class.getName(),
                "--" + LedgerCapability.LEDGER_PROPERTY + "=" + ledger,
                "--runtime.saga.default-step-timeout=2s",
                "--runtime.saga.timeout-grace=1s",
                "--runtime.saga.loss-scan-interval=500ms",
                "--axon.eventhandling.tokenstore.claim-timeout=3s",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4"};
        RuntimeClient client = new RuntimeClient(() -> runtime, KEY);
        runtime = RuntimeProcess.start(database, keys, log, arguments);
        String session = client.ok(client.post("/session/create", "{}")).get("session_id").asText();

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread thread = new Thread(() -> submitUntilDone(client, session, done, acknowledged), "loop-client-" + i);
            thread.start();
            clients.add(thread);
        }
        List<Long> startMillis = new ArrayList<>();
        try {
            try {
                for (int restart = 1; restart <= RESTARTS; restart++) {
                    awaitMore(acknowledged, acknowledged.size() + 3, restart);
                    Thread.sleep(200 + KILL_DELAYS.nextInt(600));
                    runtime.kill();
                    runtime = RuntimeProcess.start(database, keys, log, arguments);
                    startMillis.add(runtime.startedIn().toMillis());
                }
            } finally {
                done.set(true);
                for (Thread thread : clients) {
                    thread.join(Duration.ofSeconds(90).toMillis());
                }
            }
            Map<String, JsonNode> finished = client.awaitAllTerminal(acknowledged.values(), Duration.ofSeconds(180));
            CrashLoopFindings findings = CrashLoopFindings.read(database, ledger);
            Map<String, Long> statuses = finished.values().stream()
                    .collect(Collectors.groupingBy(s -> s.get("status").asText(), TreeMap::new,
                            Collectors.counting()));
            JsonNode chain = client.ok(client.get("/audit/verify"));
            List<String> stateDrift = new ProjectionRebuildCheck(client).driftAfterRebuild(acknowledged.values(),
                    session);

            System.out.printf("crash loop: restarts %d, intents acknowledged %d, terminal %d %s, duplicated keys %d,"
                            + " step runs by class %s, repeated runs by class %s, audit chain %s (%d verified),"
                            + " projection drift %d, time to healthy per restart (ms) %s, whole test %d s%n",
                    startMillis.size(), acknowledged.size(), finished.size(), statuses,
                    findings.duplicatedKeys().size(), findings.runsByClass(), findings.repeatedRunsByClass(),
                    chain.path("valid").asBoolean() ? "valid" : "BROKEN", chain.path("verified").asLong(),
                    stateDrift.size(), startMillis, Duration.ofNanos(System.nanoTime() - began).toSeconds());

            assertThat(startMillis).hasSize(RESTARTS);
            assertThat(new HashSet<>(acknowledged.values())).as("one execution per acknowledged key")
                    .hasSameSizeAs(acknowledged.keySet());
            assertThat(findings.recordedExecutions()).as("every acknowledged intent is in the event store")
                    .containsAll(acknowledged.values());
            assertThat(findings.duplicatedKeys()).as("idempotency keys recorded more than once").isEmpty();
            assertThat(findings.nonRepeatableRunTwice()).as("NON_REPEATABLE steps that ran twice").isEmpty();
            finished.forEach((execution, status) -> {
                if ("completed".equals(status.get("status").asText())) {
                    assertThat(findings.stepsRun(execution)).as("steps run for completed " + execution)
                            .containsEntry("non_repeatable", 1).containsKeys("pure", "idempotent");
                }
            });
            assertThat(statuses.getOrDefault("completed", 0L)).as("completed executions").isPositive();
            assertThat(chain.path("valid").asBoolean()).as("audit chain: " + chain).isTrue();
            assertThat(stateDrift).as("State Surface records that differ after rebuilding the projections").isEmpty();
        } finally {
            runtime.stop();
        }
    }

    /** Submits intents until told to stop; an intent whose answer failed is sent again with the same key. */
    private static void submitUntilDone(RuntimeClient client, String session, AtomicBoolean done,
                                        Map<String, String> acknowledged) {
        int intents = 0;
        String key = UUID.randomUUID().toString();
        // The same intent, byte for byte, goes again under its key; another payload would be a key conflict.
        String intent = ledgerIntent(session, key, true);
        while (!done.get()) {
            try {
                RuntimeClient.Answer answer = client.post("/intent/submit", intent);
                if (answer.status() == 202) {
                    acknowledged.put(key, answer.json().get("execution_id").asText());
                    key = UUID.randomUUID().toString();
                    intent = ledgerIntent(session, key, ++intents % 3 == 0);
                } else {
                    Thread.sleep(100);
                }
            } catch (IOException runtimeDown) {
                pause();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static String ledgerIntent(String session, String key, boolean failFirst) {
        return "{\"session_id\": \"" + session + "\", \"intent_type\": \"" + LedgerCapability.INTENT_TYPE
                + "\", \"idempotency_key\": \"" + key + "\", \"payload\": {\"fail_first\": " + failFirst
                + ", \"sleep_ms\": 100}}";
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitMore(Map<String, String> acknowledged, int count, int restart) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new intent was acknowledged before kill " + restart + " ("
                        + acknowledged.size() + " so far)");
            }
            Thread.sleep(20);
        }
    }
}
