package io.symphainy.runtime.api.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A runtime whose PostgreSQL goes away under load and comes back: requests in between are answered 503 with
 * {@code Retry-After} and {@code DATABASE_UNAVAILABLE} (never 500), {@code /health} says the database is down and then
 * up again within seconds of its return, and every acknowledged intent still finishes. A statement stuck on a lock is
 * cancelled after {@code runtime.database.statement-timeout} and answered {@code DATABASE_TIMEOUT}, not left hanging.
 * The database is a private server of this test, never the machine's shared one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageTest {

    private static final String KEY = "outage-test-submitter";
    private static final int CLIENTS = 3;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    /** The design goal is 10 s; the bound is generous so a loaded machine does not fail the test on timing alone. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(45);

    @TempDir
    static Path work;

    private PrivatePostgres postgres;
    private RuntimeProcess runtime;
    private Path log;
    private RuntimeClient client;
    private String session;

    @BeforeAll
    void startRuntimeOnAPrivateDatabase() throws Exception {
        postgres = PrivatePostgres.start(work.resolve("pgdata"));
        Path keys = Files.writeString(work.resolve("keys.yaml"), "- key: " + KEY
                + "\n  tenant_id: tenant-outage\n  user_id: dora\n  roles: [submitter, operator]\n");
        log = RuntimeLogs.file("database-outage-runtime.log");
        runtime = RuntimeProcess.start(postgres.database(), keys, log,
                "--runtime.database.statement-timeout=3s",
                "--runtime.saga.default-step-timeout=3s",
                "--runtime.saga.timeout-grace=1s");
        client = new RuntimeClient(() -> runtime, KEY);
        session = client.ok(client.post("/session/create", "{}")).get("session_id").asText();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (runtime != null) {
            runtime.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void answersServiceUnavailableWhileTheDatabaseIsDownAndLosesNothingAcknowledged() throws Exception {
        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> refusals = new ConcurrentHashMap<>();
        Queue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            Thread thread = new Thread(() -> submitUntilDone(done, acknowledged, refusals, unexpected),
                    "outage-client-" + i);
            thread.start();
            clients.add(thread);
        }
        try {
            awaitAtLeast(acknowledged, 10, "intents acknowledged before the outage");
            int before = acknowledged.size();

            long down = System.nanoTime();
            postgres.stop();
            Duration detected = awaitHealth(false, Duration.ofSeconds(60));
            long sinceDown = System.nanoTime() - down;
            if (sinceDown < OUTAGE.toNanos()) {
                Thread.sleep(Duration.ofNanos(OUTAGE.toNanos() - sinceDown).toMillis());
            }
            postgres.startAgain();
            long back = System.nanoTime();
            Duration recovered = awaitHealth(true, RECOVERY_BOUND);
            Thread.sleep(2_000);
            done.set(true);
            for (Thread thread : clients) {
                thread.join(Duration.ofSeconds(90).toMillis());
            }
            Map<String, JsonNode> finished = client.awaitAllTerminal(acknowledged.values(), Duration.ofSeconds(120));

            System.out.printf("database outage: acknowledged %d (%d before the outage), refusals %s, unexpected %d,"
                            + " health down after %d ms, healthy %d ms after the database was back (outage %d ms),"
                            + " terminal %d%n", acknowledged.size(), before, refusals, unexpected.size(),
                    detected.toMillis(), recovered.toMillis(), Duration.ofNanos(back - down).toMillis(),
                    finished.size());
            assertThat(unexpected).as(() -> "answers other than 202 or 503 with Retry-After and a stable code; the"
                    + " runtime logged: " + RuntimeLogs.requestFailures(log)).isEmpty();
            assertThat(refusals).as("requests during the outage").containsKey("DATABASE_UNAVAILABLE");
            assertThat(acknowledged.size()).as("intents acknowledged after the database came back")
                    .isGreaterThan(before);
            assertThat(finished).hasSameSizeAs(acknowledged);
        } finally {
            done.set(true);
        }
    }

    @Test
    void cancelsAStatementStuckOnALockAndSaysSo() throws Exception {
        awaitHealth(true, RECOVERY_BOUND);
        try (Connection blocker = DriverManager.getConnection(postgres.database().jdbcUrl(), "postgres", "")) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                // Readers may go on; every writer of the event store waits for this transaction.
                statement.execute("lock table domain_event_entry in share mode");
            }
            long sent = System.nanoTime();
            RuntimeClient.Answer answer = client.post("/intent/submit", intent(UUID.randomUUID().toString()));
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            blocker.rollback();

            System.out.printf("statement timeout: %d after %d ms: %s%n", answer.status(), took.toMillis(),
                    answer.body());
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.json().path("code").asText()).isEqualTo("DATABASE_TIMEOUT");
            assertThat(answer.retryAfter()).as("Retry-After").isNotBlank();
            assertThat(took).as("the 3 s statement timeout, not the client's patience, ended the request")
                    .isLessThan(Duration.ofSeconds(50));
        }
        String retried = UUID.randomUUID().toString();
        assertThat(client.post("/intent/submit", intent(retried)).status()).as("after the lock is gone")
                .isEqualTo(202);
    }

    private void submitUntilDone(AtomicBoolean done, Map<String, String> acknowledged, Map<String, Integer> refusals,
                                 Queue<String> unexpected) {
        String key = UUID.randomUUID().toString();
        while (!done.get()) {
            try {
                RuntimeClient.Answer answer = client.post("/intent/submit", intent(key));
                if (answer.status() == 202) {
                    acknowledged.put(key, answer.json().get("execution_id").asText());
                    key = UUID.randomUUID().toString();
                } else if (answer.status() == 503 && answer.retryAfter() != null) {
                    refusals.merge(answer.json().path("code").asText("none"), 1, Integer::sum);
                    Thread.sleep(200);
                } else {
                    unexpected.add(answer.status() + " " + answer.retryAfter() + " " + answer.body());
                }
            } catch (IOException e) {
                unexpected.add(e.toString());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String intent(String idempotencyKey) {
        return "{\"session_id\": \"" + session + "\", \"intent_type\": \"diagnostics.echo\", \"idempotency_key\": \""
                + idempotencyKey + "\", \"payload\": {\"fail_times\": 1, \"sleep_ms\": 20}}";
    }

    /** Polls {@code /health} until it answers UP (or DOWN with the database DOWN); answers how long that took. */
    private Duration awaitHealth(boolean up, Duration within) throws Exception {
        long start = System.nanoTime();
        String last = "no answer";
        while (System.nanoTime() - start < within.toNanos()) {
            try {
                RuntimeClient.Answer health = client.get("/health");
                last = health.status() + " " + health.body();
                boolean healthy = health.status() == 200;
                if (healthy == up && (up || "DOWN".equals(health.json().path("database").asText()))) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("/health did not turn " + (up ? "UP" : "DOWN") + " within " + within
                + "; last answer: " + last);
    }

    private static void awaitAtLeast(Map<String, String> acknowledged, int count, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + acknowledged.size() + " " + what);
            }
            Thread.sleep(50);
        }
    }
}
