package io.symphainy.runtime.bench.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.DoubleSupplier;

/**
 * Figures 3 and 4 over a large store: the audit-timeline projection's rebuild rate, the audit timeline query
 * (tenant + time range) latency, and replay latency of one execution in {@code events_only} and {@code state_only}.
 */
final class StoreBench {

    static final String REBUILT_PROJECTION = "audit-timeline";

    /**
     * A rebuild, measured until it caught up or for at most the time limit: events replayed of the total, the
     * seconds it took, the overall rate and the rate of each 5-second interval, in events per second, and the
     * runtime's CPU time per event replayed (all its threads, in microseconds: what the rebuild costs the runtime
     * apart from the time it waits for PostgreSQL).
     */
    record Rebuild(long events, long total, double seconds, double perSecond, List<Double> intervalRates,
                   boolean finished, double runtimeCpuMicrosPerEvent) {
    }

    private final RuntimeClient client;
    private final Databases databases;
    private final String database;
    private final Random random = new Random(7);

    StoreBench(RuntimeClient client, Databases databases, String database) {
        this.client = client;
        this.databases = databases;
        this.database = database;
    }

    /** Starts a rebuild and polls {@code GET /runtime/projections} every 250 ms until it caught up or time ran out. */
    Rebuild rebuild(Duration limit, DoubleSupplier runtimeCpuMillis) throws IOException, InterruptedException {
        double cpuBefore = runtimeCpuMillis.getAsDouble();
        long started = System.nanoTime();
        client.post("/runtime/projections/" + REBUILT_PROJECTION + "/rebuild", "");
        List<Double> intervalRates = new ArrayList<>();
        long lastDone = 0;
        long lastAt = started;
        long deadline = started + limit.toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            JsonNode rebuild = projection().path("rebuild");
            long done = rebuild.path("events_done").asLong();
            long now = System.nanoTime();
            if (now - lastAt >= 5_000_000_000L) {
                intervalRates.add((done - lastDone) / ((now - lastAt) / 1e9));
                lastDone = done;
                lastAt = now;
            }
            if (!rebuild.path("finished_at").isMissingNode() && !rebuild.path("finished_at").isNull()) {
                long total = rebuild.path("events_total").asLong();
                double seconds = (now - started) / 1e9;
                return new Rebuild(total, total, seconds, total / seconds, intervalRates, true,
                        cpuMicrosPerEvent(runtimeCpuMillis.getAsDouble() - cpuBefore, total));
            }
        }
        JsonNode rebuild = projection().path("rebuild");
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("  (rebuild not finished after %d s: %s)%n", limit.toSeconds(), rebuild);
        long done = rebuild.path("events_done").asLong();
        return new Rebuild(done, rebuild.path("events_total").asLong(), seconds, done / seconds, intervalRates,
                false, cpuMicrosPerEvent(runtimeCpuMillis.getAsDouble() - cpuBefore, done));
    }

    private static double cpuMicrosPerEvent(double cpuMillis, long events) {
        return events == 0 ? 0 : cpuMillis * 1000 / events;
    }

    /** Waits, up to {@code limit}, until no projection lags behind the head of the event store. */
    static void awaitProjectionsCaughtUp(RuntimeClient client, Duration limit) throws IOException,
            InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long lag = Long.MAX_VALUE;
        while (System.nanoTime() < deadline) {
            lag = 0;
            for (JsonNode projection : client.getJson("/runtime/projections").path("projections")) {
                lag = Math.max(lag, projection.path("lag").asLong());
            }
            if (lag == 0) {
                return;
            }
            Thread.sleep(500);
        }
        System.out.printf("  (projections still %d events behind after %d s)%n", lag, limit.toSeconds());
    }

    private JsonNode projection() throws IOException, InterruptedException {
        for (JsonNode projection : client.getJson("/runtime/projections").path("projections")) {
            if (REBUILT_PROJECTION.equals(projection.path("name").asText())) {
                return projection;
            }
        }
        throw new IOException("no projection " + REBUILT_PROJECTION);
    }

    /** Rows in the audit timeline: the entries the timeline queries run over. */
    long timelineRows() throws SQLException {
        return databases.queryLong(database, "select count(*) from audit_timeline_entry");
    }

    /**
     * Sends timeline queries and replays of both modes, untimed, in rounds of {@code perRound} each, for at least
     * {@code minimum} and then until the replays' p50 settles ({@link Settling}), for at most {@code maximum}: the
     * restarted runtime's query and replay paths get compiled by the JIT (a few hundred calls leave them interpreted or
     * in C1 code) and its pools and caches filled before anything is timed.
     */
    void warmUp(Duration minimum, Duration maximum, int perRound) throws Exception {
        Settling.Outcome warm = Settling.repeat(minimum, maximum, () -> {
            auditQuery(perRound);
            return replay("events_only", perRound)[0] + replay("state_only", perRound)[0];
        });
        System.out.printf("  warm after %d rounds (%.0f s): replay p50s %.2f ms together in the best round, %s%n",
                warm.rounds(), warm.seconds(), warm.lowest(), warm.verdict());
    }

    /** p50 and p99 (ms) of {@code queries} timeline pages (limit 100) for random 10-minute windows of the tenant. */
    double[] auditQuery(int queries) throws IOException, InterruptedException, SQLException {
        long from = databases.queryLong(database, "select (extract(epoch from min(occurred_at)) * 1000)::bigint "
                + "from audit_timeline_entry where tenant_id = '" + RuntimeProcess.TENANT + "'");
        long to = databases.queryLong(database, "select (extract(epoch from max(occurred_at)) * 1000)::bigint "
                + "from audit_timeline_entry where tenant_id = '" + RuntimeProcess.TENANT + "'");
        long window = Duration.ofMinutes(10).toMillis();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            long start = from + (long) (random.nextDouble() * Math.max(1, to - from - window));
            String path = "/audit/events?from=" + iso(start) + "&to=" + iso(start + window) + "&limit=100";
            long began = System.nanoTime();
            client.get(path);
            latencies.add((System.nanoTime() - began) / 1e6);
        }
        return new double[] {Stats.percentile(latencies, 50), Stats.percentile(latencies, 99)};
    }

    /**
     * p50 and p99 (ms) of {@code replays} replays in {@code mode}, each of a different completed execution of the
     * benchmark's tenant (the fairness phase's second tenant has executions too, which this tenant may not replay).
     */
    double[] replay(String mode, int replays) throws IOException, InterruptedException, SQLException {
        List<String> executions = completedExecutions(replays);
        List<Double> latencies = new ArrayList<>();
        for (String execution : executions) {
            long began = System.nanoTime();
            client.post("/execution/" + execution + "/replay", "{\"mode\": \"" + mode + "\"}");
            latencies.add((System.nanoTime() - began) / 1e6);
        }
        return new double[] {Stats.percentile(latencies, 50), Stats.percentile(latencies, 99)};
    }

    private List<String> completedExecutions(int count) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (var connection = databases.connect(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("select execution_id::text from execution_state "
                     + "where status = 'completed' and tenant_id = '" + RuntimeProcess.TENANT + "' "
                     + "order by random() limit " + count)) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static String iso(long epochMillis) {
        return URLEncoder.encode(Instant.ofEpochMilli(epochMillis).toString(), StandardCharsets.UTF_8);
    }
}
