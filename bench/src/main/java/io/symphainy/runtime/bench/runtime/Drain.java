package io.symphainy.runtime.bench.runtime;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Waits, up to a limit, until the runtime has no execution in flight, so one measurement does not tax the next; and
 * between measurements vacuums and analyzes the runtime's database, as PostgreSQL's autovacuum would between bursts on
 * a default server (the benchmark's server may run without it, as CI servers do: without fresh statistics the planner
 * picks plans made for empty tables, and dead rows of updated tables pile up, which no production server shows).
 */
final class Drain {

    private static final String IN_FLIGHT = StatementProfile.OWN + """
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

    /** Vacuums and analyzes the runtime's database; call it while nothing is being measured. */
    void maintain() throws SQLException {
        databases.execute(database, StatementProfile.OWN + "vacuum (analyze)");
    }
}
