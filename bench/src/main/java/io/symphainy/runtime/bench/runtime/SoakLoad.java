package io.symphainy.runtime.bench.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The soak's mixed load at a fixed rate: plain intents, intents that retry, intents that compensate, intents held
 * for approval and approved by a second user, full replays, audit and timeline queries, and uploads; every answer
 * is counted by operation and status class, none stops the load.
 */
final class SoakLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IN_FLIGHT = 8;
    private static final int REMEMBERED = 500;

    private final SoakClient client;
    private final Sessions sessions;
    private final Random random = new Random(42);
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService workers = Executors.newFixedThreadPool(IN_FLIGHT);
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ConcurrentLinkedDeque<String> executions = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<String> awaitingApproval = new ConcurrentLinkedDeque<>();
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    SoakLoad(SoakClient client, Sessions sessions) {
        this.client = client;
        this.sessions = sessions;
    }

    /** The policy the load needs: intents carrying a {@code message} wait for approval. */
    static String policy() {
        return """
                {"default": "ALLOW", "rules": [{"name": "soak-hold", "decision": "REQUIRE_APPROVAL",
                  "match": {"payload_has_field": "message"}, "approval_timeout": "PT1H"}]}""";
    }

    void start(int operationsPerSecond) {
        long periodMicros = 1_000_000L / operationsPerSecond;
        ticker.scheduleAtFixedRate(this::tick, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    /** Answers per operation and status class so far, e.g. {@code intent 2xx=1200}. */
    Map<String, Long> counts() {
        Map<String, Long> snapshot = new TreeMap<>();
        counts.forEach((key, adder) -> snapshot.put(key, adder.sum()));
        return snapshot;
    }

    private void tick() {
        if (!slots.tryAcquire()) {
            count("skipped", "busy");
            return;
        }
        int pick = random.nextInt(100);
        workers.execute(() -> {
            try {
                run(pick);
            } catch (Exception failure) {
                count(operation(pick), failure.getClass().getSimpleName());
            } finally {
                slots.release();
            }
        });
    }

    private void run(int pick) throws Exception {
        String operation = operation(pick);
        HttpResponse<String> response = switch (operation) {
            case "intent" -> submit("{}");
            case "retrying-intent" -> submit("{\"fail_times\": 2}");
            case "compensating-intent" -> submit("{\"fail_permanently_at\": 3}");
            case "approval" -> approveOrHold();
            case "replay" -> replay();
            case "audit-query" -> client.get("/audit/events?limit=50");
            case "timeline" -> timeline();
            default -> client.upload(sessions.next(), "soak upload " + random.nextLong());
        };
        if (response != null) {
            count(operation, response.statusCode() / 100 + "xx");
        }
    }

    private static String operation(int pick) {
        if (pick < 35) {
            return "intent";
        }
        if (pick < 50) {
            return "retrying-intent";
        }
        if (pick < 60) {
            return "compensating-intent";
        }
        if (pick < 72) {
            return "approval";
        }
        if (pick < 80) {
            return "replay";
        }
        if (pick < 88) {
            return "audit-query";
        }
        return pick < 95 ? "timeline" : "upload";
    }

    private HttpResponse<String> submit(String payload) throws Exception {
        HttpResponse<String> response = client.post("/intent/submit", "{\"session_id\": \"" + sessions.next()
                + "\", \"intent_type\": \"diagnostics.echo\", \"payload\": " + payload + "}");
        if (response.statusCode() == 202) {
            remember(executions, JSON.readTree(response.body()).path("execution_id").asText());
        }
        return response;
    }

    private HttpResponse<String> approveOrHold() throws Exception {
        String held = awaitingApproval.pollFirst();
        if (held == null || random.nextBoolean()) {
            if (held != null) {
                awaitingApproval.addFirst(held);
            }
            HttpResponse<String> response = submit("{\"message\": \"hold me\"}");
            if (response.statusCode() == 202) {
                remember(awaitingApproval, JSON.readTree(response.body()).path("execution_id").asText());
            }
            return response;
        }
        return client.post("/execution/" + held + "/approve", "{\"reason\": \"soak\"}", RuntimeProcess.APPROVER_KEY);
    }

    private HttpResponse<String> replay() throws Exception {
        String execution = executions.peekFirst();
        return execution == null ? null
                : client.post("/execution/" + execution + "/replay", "{\"mode\": \"full\"}");
    }

    private HttpResponse<String> timeline() throws Exception {
        String execution = executions.peekLast();
        return execution == null ? null : client.get("/execution/" + execution + "/timeline?limit=100");
    }

    private static void remember(ConcurrentLinkedDeque<String> ids, String id) {
        ids.addLast(id);
        while (ids.size() > REMEMBERED) {
            ids.pollFirst();
        }
    }

    private void count(String operation, String outcome) {
        counts.computeIfAbsent(operation + " " + outcome, key -> new LongAdder()).increment();
    }

    @Override
    public void close() throws InterruptedException {
        ticker.shutdownNow();
        workers.shutdown();
        workers.awaitTermination(60, TimeUnit.SECONDS);
    }
}
