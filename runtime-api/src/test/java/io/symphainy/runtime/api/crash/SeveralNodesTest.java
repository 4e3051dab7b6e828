package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.symphainy.runtime.core.saga.SagaCoordinator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three runtime nodes on one (private) PostgreSQL under load, clients sending each intent to the next node in turn; the
 * tenant's policy holds every tenth intent for approval, so approvals are pending at each kill and a second person
 * approves them, through the nodes alive, once the dead node's segments are taken over. A third node joins two and gets
 * a share of the coordinator's segments without an operator; then six times ({@code -Dnodes.kills=N} for more) one node
 * is killed with SIGKILL while executions run (retries waiting on deadlines, steps in flight): the survivors take over
 * its segments and finish its work, and it is started again while the next rounds go on; then the database restarts
 * under the three nodes ({@code -Dnodes.database-restarts=N} restarts it N times). Afterwards every acknowledged
 * intent exists once and is terminal, no NON_REPEATABLE step ran twice, and the audit chain verifies.
 */
class SeveralNodesTest {

    private static final String KEY = "nodes-admin";
    private static final String APPROVER_KEY = "nodes-approver";
    /** Every tenth intent is held for approval, so approvals are pending at each kill and decided after it. */
    private static final String POLICY = "{\"default\": \"ALLOW\", \"rules\": [{\"name\": \"hold-marked\","
            + " \"decision\": \"REQUIRE_APPROVAL\", \"match\": {\"payload_has_field\": \"hold\"},"
            + " \"approval_timeout\": \"PT30M\"}]}";
    private static final String COORDINATOR = SagaCoordinator.PROCESSING_GROUP;
    private static final int KILLS = Integer.getInteger("nodes.kills", 6);
    private static final int DATABASE_RESTARTS = Integer.getInteger("nodes.database-restarts", 1);
    private static final int CLIENTS = 2;
    /** The goal is 10 s; the bound leaves a loaded two-core machine some room. */
    private static final Duration HEALTHY_AFTER_DATABASE = Duration.ofSeconds(20);
    private static final Random KILL_DELAYS = new Random(23);
    /** Each client's pause after an acknowledgement: steady load that does not swamp two shared cores. */
    private static final Duration PACE = Duration.ofMillis(100);

    @TempDir
    Path work;

    @Test
    void nodesShareTheWorkTakeOverAKilledNodesWorkAndRideOutADatabaseRestart() throws Exception {
        long began = System.nanoTime();
        Path keys = Files.writeString(work.resolve("keys.yaml"), "- key: " + KEY + "\n  tenant_id: tenant-nodes\n"
                + "  user_id: nora\n  roles: [submitter, operator, auditor, admin]\n- key: " + APPROVER_KEY
                + "\n  tenant_id: tenant-nodes\n  user_id: ava\n  roles: [approver]\n");
        Path ledger = work.resolve("ledger.txt");
        Path log = RuntimeLogs.file("several-nodes-runtime.log");
        try (PrivatePostgres postgres = PrivatePostgres.start(work.resolve("pgdata"));
             NodeCluster cluster = new NodeCluster(postgres.database(), keys,
                     log, 3, arguments(ledger))) {
            cluster.start(0, 1);
            RuntimeClient client = new RuntimeClient(cluster::next, KEY);
            String session = client.ok(client.post("/session/create", "{}")).get("session_id").asText();
            client.ok(client.put("/policy", POLICY));
            Load load = new Load(client, new RuntimeClient(cluster::next, APPROVER_KEY), session);
            load.start();
            try {
                load.awaitMore(5, "before the third node joined");
                long joining = System.nanoTime();
                cluster.start(2);
                long spreadMillis = awaitSpread(cluster, joining);
                System.out.printf("several nodes: third node joined, coordinator segments on every node %d ms"
                        + " after it was launched: %s%n", spreadMillis, cluster.claims());

                List<CompletableFuture<String>> rounds = new ArrayList<>();
                for (int kill = 1; kill <= KILLS; kill++) {
                    rounds.add(killAndTakeOver(cluster, client, load, kill));
                }
                cluster.awaitRestarts();
                rounds.forEach(round -> System.out.println("several nodes: " + round.join()));

                for (int restart = 1; restart <= DATABASE_RESTARTS; restart++) {
                    System.out.println("several nodes: " + restartDatabase(postgres, cluster, load));
                }
            } finally {
                load.stop();
            }
            load.approvePending();
            Set<String> unseen = new HashSet<>(load.acknowledged.values());
            unseen.removeAll(load.terminal.keySet());
            Map<String, JsonNode> finished = new java.util.HashMap<>(load.terminal);
            finished.putAll(awaitTerminal(cluster, client, unseen, Duration.ofSeconds(180)));
            CrashLoopFindings findings = CrashLoopFindings.read(postgres.database(), ledger);
            JsonNode chain = client.ok(client.get("/audit/verify"));
            Map<String, Long> statuses = finished.values().stream().collect(Collectors.groupingBy(
                    status -> status.get("status").asText(), TreeMap::new, Collectors.counting()));
            System.out.printf("several nodes: acknowledged %d, terminal %d %s, requests by node %s, refusals %s,"
                            + " unexpected %d, duplicated keys %d, step runs by class %s, repeated runs by class %s,"
                            + " audit chain %s (%d verified), whole test %d s%n",
                    load.acknowledged.size(), finished.size(), statuses, cluster.requestsByNode(), load.refusals,
                    load.unexpected.size(), findings.duplicatedKeys().size(), findings.runsByClass(),
                    findings.repeatedRunsByClass(), chain.path("valid").asBoolean() ? "valid" : "BROKEN",
                    chain.path("verified").asLong(), Duration.ofNanos(System.nanoTime() - began).toSeconds());

            assertThat(load.unexpected).as(() -> "answers other than 202, or 503 with Retry-After; the runtimes"
                    + " logged: " + RuntimeLogs.requestFailures(log)).isEmpty();
            assertThat(new HashSet<>(load.acknowledged.values())).as("one execution per acknowledged key")
                    .hasSameSizeAs(load.acknowledged.keySet());
            assertThat(findings.recordedExecutions()).containsAll(load.acknowledged.values());
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
        }
    }

    private static String[] arguments(Path ledger) {
        return new String[] {
                "--spring.main.sources=" + LedgerCapability.class.getName(),
                "--" + LedgerCapability.LEDGER_PROPERTY + "=" + ledger,
                "--runtime.saga.default-step-timeout=2s",
                "--runtime.saga.timeout-grace=1s",
                "--runtime.saga.loss-scan-interval=500ms",
                "--runtime.nodes.heartbeat-interval=500ms",
                "--runtime.nodes.node-timeout=3s",
                "--runtime.nodes.claim-interval=500ms",
                "--axon.eventhandling.tokenstore.claim-timeout=3s",
                "--db-scheduler.heartbeat-interval=1s",
                "--db-scheduler.missed-heartbeats-limit=4",
                "--spring.datasource.hikari.maximum-pool-size=8"};
    }

    /** Waits until every node holds a segment of the coordinator; answers the milliseconds since {@code since}. */
    private static long awaitSpread(NodeCluster cluster, long since) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Map<String, Integer>> claims = cluster.claims();
            boolean spread = true;
            for (int i = 0; i < cluster.size(); i++) {
                spread &= claims.getOrDefault(cluster.nodeId(i), Map.of()).getOrDefault(COORDINATOR, 0) > 0;
            }
            if (spread) {
                return Duration.ofNanos(System.nanoTime() - since).toMillis();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the coordinator's segments did not spread over the nodes: " + cluster.claims());
    }

    /**
     * Kills one node while executions run, once it and another node are up; measures until the survivors hold every
     * segment it held and until every execution acknowledged before the kill is terminal. Once its segments are taken
     * over it starts again in the background, as an operator's supervisor would start it, while the next rounds go
     * on; the answer describes the round once that start is done.
     */
    private static CompletableFuture<String> killAndTakeOver(NodeCluster cluster, RuntimeClient client, Load load,
                                                             int kill) throws Exception {
        int victim = kill % cluster.size();
        cluster.awaitKillable(victim);
        load.awaitMore(3, "before kill " + kill);
        Thread.sleep(200 + KILL_DELAYS.nextInt(600));
        Set<String> before = new HashSet<>(load.acknowledged.values());
        before.removeAll(load.terminal.keySet());
        String held = cluster.claims().getOrDefault(cluster.nodeId(victim), Map.of()).toString();
        long killed = System.nanoTime();
        String victimId = cluster.kill(victim);
        long deadline = killed + Duration.ofSeconds(60).toNanos();
        while (cluster.segmentsHeldBy(victimId) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("kill " + kill + ": the survivors did not take over " + cluster.claims());
            }
            Thread.sleep(50);
        }
        long takenOver = Duration.ofNanos(System.nanoTime() - killed).toMillis();
        CompletableFuture<Long> restart = cluster.restartInBackground(victim);
        int approved = load.approvePending();
        load.terminal.putAll(awaitTerminal(cluster, client, before, Duration.ofSeconds(120)));
        long drained = Duration.ofNanos(System.nanoTime() - killed).toMillis();
        return restart.thenApply(restarted -> String.format("kill %d of node %d (held %s): segments taken over after"
                        + " %d ms, %d approvals that were pending decided after it, the %d executions acknowledged"
                        + " before the kill (and not yet seen terminal) terminal after %d ms, node healthy again %d ms"
                        + " after its start", kill, victim, held, takenOver, approved, before.size(), drained,
                restarted));
    }

    /** Waits until every execution is terminal; if some are not, says what the store holds of them. */
    private static Map<String, JsonNode> awaitTerminal(NodeCluster cluster, RuntimeClient client,
                                                       java.util.Collection<String> executions, Duration within)
            throws Exception {
        try {
            return client.awaitAllTerminal(executions, within);
        } catch (AssertionError unfinished) {
            List<String> stuck = new ArrayList<>();
            for (String execution : executions) {
                RuntimeClient.Answer status = client.get("/execution/" + execution + "/status");
                if (stuck.size() < 5 && (status.status() != 200
                        || !RuntimeClient.TERMINAL.contains(status.json().path("status").asText()))) {
                    stuck.add(execution);
                }
            }
            throw new AssertionError(unfinished.getMessage() + "\n" + cluster.describe(stuck), unfinished);
        }
    }

    /** Stops the database for a few seconds under load; every node must be healthy again soon after it is back. */
    private static String restartDatabase(PrivatePostgres postgres, NodeCluster cluster, Load load)
            throws Exception {
        load.awaitMore(3, "before the database restart");
        int refusedBefore = load.refusals.values().stream().mapToInt(Integer::intValue).sum();
        long down = System.nanoTime();
        postgres.stop();
        Thread.sleep(5_000);
        postgres.startAgain();
        long back = System.nanoTime();
        List<Long> healthy = new ArrayList<>();
        for (int i = 0; i < cluster.size(); i++) {
            healthy.add(awaitHealthy(cluster.node(i), back));
        }
        load.awaitMore(3, "after the database restart");
        int refused = load.refusals.values().stream().mapToInt(Integer::intValue).sum() - refusedBefore;
        assertThat(healthy).as("ms from the database's return to each node's first healthy answer")
                .allMatch(millis -> millis < HEALTHY_AFTER_DATABASE.toMillis());
        return String.format("database down for %d ms, %d requests answered 503 meanwhile, nodes healthy %s ms"
                + " after it was back", Duration.ofNanos(back - down).toMillis(), refused, healthy);
    }

    private static long awaitHealthy(RuntimeProcess node, long since) throws Exception {
        RuntimeClient client = new RuntimeClient(() -> node, KEY);
        long deadline = since + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.get("/health").status() == 200) {
                    return Duration.ofNanos(System.nanoTime() - since).toMillis();
                }
            } catch (IOException notYet) {
                // asked again below
            }
            Thread.sleep(100);
        }
        throw new AssertionError("a node was not healthy 90 s after the database was back");
    }

    /** Clients submitting ledger intents round-robin; an intent whose answer failed goes again under its key. */
    private static final class Load {

        final Map<String, String> acknowledged = new ConcurrentHashMap<>();
        final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        /** Executions already seen terminal, so that each round asks only about the others. */
        final Map<String, JsonNode> terminal = new ConcurrentHashMap<>();
        /** Acknowledged executions the policy held for approval, and those already decided. */
        final Set<String> held = ConcurrentHashMap.newKeySet();
        final Set<String> approved = ConcurrentHashMap.newKeySet();
        private final RuntimeClient client;
        private final RuntimeClient approver;
        private final String session;
        private final AtomicBoolean done = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();

        Load(RuntimeClient client, RuntimeClient approver, String session) {
            this.client = client;
            this.approver = approver;
            this.session = session;
        }

        void start() {
            for (int i = 0; i < CLIENTS; i++) {
                Thread thread = new Thread(this::submitUntilDone, "nodes-client-" + i);
                thread.start();
                threads.add(thread);
            }
        }

        void stop() throws InterruptedException {
            done.set(true);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(90).toMillis());
            }
        }

        void awaitMore(int more, String when) throws InterruptedException {
            int count = acknowledged.size() + more;
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (acknowledged.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no intent was acknowledged " + when + " (" + acknowledged.size()
                            + " so far, unexpected answers: " + unexpected + ")");
                }
                Thread.sleep(20);
            }
        }

        private void submitUntilDone() {
            int intents = 0;
            String key = UUID.randomUUID().toString();
            boolean hold = false;
            String intent = intent(key, true, hold);
            while (!done.get()) {
                try {
                    RuntimeClient.Answer answer = client.post("/intent/submit", intent);
                    if (answer.status() == 202) {
                        String execution = answer.json().get("execution_id").asText();
                        acknowledged.put(key, execution);
                        if (hold) {
                            held.add(execution);
                        }
                        key = UUID.randomUUID().toString();
                        hold = ++intents % 10 == 5;
                        intent = intent(key, intents % 3 == 0, hold);
                        Thread.sleep(PACE.toMillis());
                    } else if (answer.status() == 503 && answer.retryAfter() != null) {
                        refusals.merge(answer.json().path("code").asText("none"), 1, Integer::sum);
                        Thread.sleep(200);
                    } else {
                        unexpected.add(answer.status() + " " + answer.body());
                        Thread.sleep(100);
                    }
                } catch (IOException nodeDown) {
                    pause();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private String intent(String key, boolean failFirst, boolean hold) {
            return "{\"session_id\": \"" + session + "\", \"intent_type\": \"" + LedgerCapability.INTENT_TYPE
                    + "\", \"idempotency_key\": \"" + key + "\", \"payload\": {\"fail_first\": " + failFirst
                    + ", \"sleep_ms\": 100" + (hold ? ", \"hold\": true" : "") + "}}";
        }

        /**
         * Approves, as a second person, every held execution not decided yet, through whichever nodes are alive; a
         * 409 means an earlier approval whose answer was lost took effect. Answers how many it decided.
         */
        int approvePending() throws InterruptedException {
            int decided = 0;
            for (String execution : held) {
                for (int tries = 0; !approved.contains(execution); tries++) {
                    try {
                        RuntimeClient.Answer answer = approver.post("/execution/" + execution + "/approve",
                                "{\"reason\": \"failover test\"}");
                        if (answer.status() == 202 || answer.status() == 409) {
                            approved.add(execution);
                            decided++;
                        } else if (answer.status() != 503 || tries > 100) {
                            throw new AssertionError("approving " + execution + ": " + answer.status() + " "
                                    + answer.body());
                        }
                    } catch (IOException nodeDown) {
                        if (tries > 100) {
                            throw new AssertionError("no node took the approval of " + execution, nodeDown);
                        }
                    }
                    if (!approved.contains(execution)) {
                        Thread.sleep(100);
                    }
                }
            }
            return decided;
        }

        private static void pause() {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
