package io.symphainy.runtime.bench.runtime;

import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Figure 6: the same 3-step no-op workflow with DBOS Transact for Java, in this JVM, against its own database on the
 * same PostgreSQL: started with {@code startWorkflow} and awaited with {@code getResult}, measured like the runtime
 * (low-load open loop, then closed loop at the same concurrency).
 */
final class DbosPeer implements AutoCloseable {

    private final DBOS dbos;
    private final ThreeStepWorkflow workflow;
    private final ExecutorService lowLoadClients = Executors.newCachedThreadPool();

    DbosPeer(Databases databases, String database) throws SQLException {
        databases.create(database);
        DBOSConfig config = DBOSConfig.defaults("symphainy-bench-peer")
                .withDatabaseUrl(databases.jdbcUrl(database))
                .withDbUser(databases.user())
                .withDbPassword("")
                .withAdminServer(false);
        this.dbos = new DBOS(config);
        this.workflow = dbos.registerProxy(ThreeStepWorkflow.class, new DbosThreeStepWorkflow(dbos));
        dbos.launch();
    }

    /** Starts one workflow at its intended time and completes with its latency (ms) once it has completed. */
    CompletableFuture<Double> executeAsync(long intendedNanoTime) {
        return CompletableFuture.supplyAsync(() -> executeNow(intendedNanoTime), lowLoadClients);
    }

    /** The closed-loop form: the calling client thread starts the workflow and waits for its result. */
    CompletableFuture<Double> execute(long intendedNanoTime) {
        return CompletableFuture.completedFuture(executeNow(intendedNanoTime));
    }

    private double executeNow(long intendedNanoTime) {
        String result = dbos.startWorkflow(() -> workflow.run("bench")).getResult();
        if (!result.startsWith("step3:")) {
            throw new IllegalStateException("unexpected result " + result);
        }
        return (System.nanoTime() - intendedNanoTime) / 1e6;
    }

    @Override
    public void close() {
        lowLoadClients.shutdownNow();
        dbos.shutdown();
    }
}
