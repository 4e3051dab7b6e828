package io.symphainy.runtime.bench.runtime;

import java.sql.SQLException;
import java.time.Duration;

/** Waits, up to a limit, until the runtime has no execution in flight, so one measurement does not tax the next. */
final class Drain {

    private static final String IN_FLIGHT = """
            select count(*) from execution_state where status in ('accepted', 'running', 'compensating')""";

    private final Databases databases;
    private final String database;
    private final Duration limit;

    Drain(Databases databases, String database, Duration limit) {
        this.databases = databases;
        this.database = database;
        this.limit = limit;
    }

    void awaitIdle() throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        long inFlight;
        while ((inFlight = databases.queryLong(database, IN_FLIGHT)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        if (inFlight > 0) {
            System.out.printf("  (moving on with %d executions still in flight after %d s)%n", inFlight,
                    limit.toSeconds());
        }
    }
}
