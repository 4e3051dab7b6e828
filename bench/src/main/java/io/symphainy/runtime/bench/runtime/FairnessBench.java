package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Fairness between tenants: the submit → COMPLETED latency of a quiet tenant (B, 5 executions per second, open loop)
 * on an idle runtime, then while another tenant (A) floods the intake: closed-loop clients that submit
 * {@code diagnostics.echo} and wait only for the answer, so A's work piles up to the intake's backlog limit.
 * Target: B's p50 under A's flood at most twice its idle p50 (the worker and the intake serve tenants in turn).
 */
final class FairnessBench {

    static final double QUIET_PER_SECOND = 5;
    static final double TARGET_RATIO = 2;
    /** How long A floods before B's timed run starts, so that A's backlog is built when B arrives. */
    private static final Duration FLOOD_LEAD = Duration.ofSeconds(2);

    private final RuntimeClient flooder;
    private final Sessions flooderSessions;
    private final RuntimeClient quiet;
    private final Sessions quietSessions;
    private final CompletionWatcher watcher;
    private final Drain drain;
    private final List<Double> intakeLatencies = new CopyOnWriteArrayList<>();

    FairnessBench(RuntimeClient flooder, Sessions flooderSessions, RuntimeClient quiet, Sessions quietSessions,
                  CompletionWatcher watcher, Drain drain) {
        this.flooder = flooder;
        this.flooderSessions = flooderSessions;
        this.quiet = quiet;
        this.quietSessions = quietSessions;
        this.watcher = watcher;
        this.drain = drain;
    }

    /** The second tenant's client, with its own sessions and (unless measuring without) its allow-all policy. */
    static FairnessBench of(RuntimeClient flooder, Sessions flooderSessions, RuntimeProcess runtime,
                            CompletionWatcher watcher, Drain drain, boolean publishPolicy)
            throws IOException, InterruptedException {
        RuntimeClient quiet = new RuntimeClient(runtime.baseUri(), RuntimeProcess.SECOND_TENANT_KEY);
        if (publishPolicy) {
            quiet.publishAllowAllPolicy();
        }
        return new FairnessBench(flooder, flooderSessions, quiet, new Sessions(quiet, 16), watcher, drain);
    }

    /** Measures B idle, then B under A's flood; prints both with the verdict. */
    void run(Duration perRun, int flooders) throws InterruptedException, SQLException {
        OpenLoopLoad.Result idle = OpenLoopLoad.run(QUIET_PER_SECOND, perRun, this::executeQuietly);
        drain.awaitIdle();
        WorkflowLoad.Result[] flood = new WorkflowLoad.Result[1];
        Thread flooding = new Thread(() -> {
            try {
                flood[0] = WorkflowLoad.closedLoop(flooders, perRun.plus(FLOOD_LEAD).plus(FLOOD_LEAD),
                        intended -> flooder.submitEcho(flooderSessions.next()).thenApply(FairnessBench::accepted));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            }
        }, "fairness-flood");
        flooding.start();
        Thread.sleep(FLOOD_LEAD.toMillis());
        intakeLatencies.clear();
        OpenLoopLoad.Result loaded = OpenLoopLoad.run(QUIET_PER_SECOND, perRun, this::executeQuietly);
        List<Double> loadedIntake = List.copyOf(intakeLatencies);
        flooding.join();
        drain.awaitIdle();
        drain.maintain();
        quiet.close();
        double idleP50 = Stats.percentile(idle.latenciesMs(), 50);
        double loadedP50 = Stats.percentile(loaded.latenciesMs(), 50);
        System.out.printf("  tenant B idle: p50 %.2f ms, p99 %.2f ms, failures %d%n", idleP50,
                Stats.percentile(idle.latenciesMs(), 99), idle.failures());
        System.out.printf("  tenant A flooding (%d clients): %.1f intents accepted/s, %d refused%n", flooders,
                flood[0].perSecond(), flood[0].failures());
        System.out.printf("  tenant B under A's flood: p50 %.2f ms, p99 %.2f ms, failures %d"
                        + " (until accepted: p50 %.2f ms, p99 %.2f ms)%n", loadedP50,
                Stats.percentile(loaded.latenciesMs(), 99), loaded.failures(),
                Stats.percentile(loadedIntake, 50), Stats.percentile(loadedIntake, 99));
        boolean pass = Double.isFinite(loadedP50) && loadedP50 <= TARGET_RATIO * idleP50;
        System.out.printf("  fairness: B's p50 under load %.2f ms vs %.0f × idle p50 %.2f ms: %s%n", loadedP50,
                TARGET_RATIO, TARGET_RATIO * idleP50, pass ? "pass" : "short");
    }

    /** 0 for an acknowledged intent; a refusal (503 busy, 429 over quota) counts as a failure of the flood. */
    private static double accepted(HttpResponse<String> response) {
        if (response.statusCode() != 202) {
            throw new IllegalStateException("refused " + response.statusCode());
        }
        return 0;
    }

    private CompletableFuture<Double> executeQuietly(long intendedNanoTime) {
        return quiet.submitEcho(quietSessions.next())
                .thenCompose(response -> watcher.watch(RuntimeClient.executionId(response), intendedNanoTime))
                .thenApply(finished -> {
                    if (!"completed".equals(finished.status())) {
                        throw new IllegalStateException("execution ended " + finished.status());
                    }
                    intakeLatencies.add(finished.intakeMs());
                    return finished.latencyMs();
                });
    }
}
