package io.symphainy.runtime.bench.runtime;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * What PostgreSQL executed for the runtime's database between two snapshots, per completed execution, from
 * {@code pg_stat_statements}: statements, rows and time in the executor, in all and for the costliest statements.
 * Statements the benchmark sends itself start with {@link #OWN} and are left out. Available only where the server
 * loads the module ({@code shared_preload_libraries}); elsewhere a snapshot is null and the profile says so.
 */
final class StatementProfile {

    /** The comment the benchmark's own statements start with. */
    static final String OWN = "/* benchmark */ ";
    private static final int SHOWN = 15;
    private static final String SNAPSHOT = OWN + """
            select queryid, left(regexp_replace(query, '\\s+', ' ', 'g'), 90), calls, rows, total_exec_time
            from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
              and toplevel and query not like '/* benchmark */%'""";

    /** One statement's running totals. */
    record Totals(String query, long calls, long rows, double millis) {
    }

    private StatementProfile() {
    }

    /** The totals so far by statement, or null when the server does not load {@code pg_stat_statements}. */
    static Map<Long, Totals> snapshot(Databases databases, String database) {
        try (Connection connection = databases.connect(database); Statement statement = connection.createStatement()) {
            statement.execute(OWN + "create extension if not exists pg_stat_statements");
            Map<Long, Totals> totals = new HashMap<>();
            try (ResultSet rows = statement.executeQuery(SNAPSHOT)) {
                while (rows.next()) {
                    totals.put(rows.getLong(1), new Totals(rows.getString(2), rows.getLong(3), rows.getLong(4),
                            rows.getDouble(5)));
                }
            }
            return totals;
        } catch (SQLException notLoaded) {
            return null;
        }
    }

    /** Prints what ran between the snapshots per execution: the sums, then the costliest statements. */
    static void print(Map<Long, Totals> before, Map<Long, Totals> after, double executions) {
        if (before == null || after == null || executions <= 0) {
            System.out.println("  statements: pg_stat_statements is not loaded by this server (see bench/README.md)");
            return;
        }
        List<Totals> ran = new ArrayList<>();
        after.forEach((id, total) -> {
            Totals earlier = before.getOrDefault(id, new Totals(total.query(), 0, 0, 0));
            if (total.calls() > earlier.calls()) {
                ran.add(new Totals(total.query(), total.calls() - earlier.calls(), total.rows() - earlier.rows(),
                        total.millis() - earlier.millis()));
            }
        });
        ran.sort(Comparator.comparingDouble(Totals::millis).reversed());
        System.out.printf("  statements per execution: %.1f, rows %.1f, %.2f ms in the executor (%d kinds)%n",
                sum(ran, Totals::calls) / executions, sum(ran, Totals::rows) / executions,
                ran.stream().mapToDouble(Totals::millis).sum() / executions, ran.size());
        for (Totals statement : ran.subList(0, Math.min(SHOWN, ran.size()))) {
            System.out.printf("    %6.2f calls %6.2f rows %6.3f ms  %s%n", statement.calls() / executions,
                    statement.rows() / executions, statement.millis() / executions, statement.query());
        }
    }

    private static double sum(List<Totals> statements, ToLongFunction<Totals> figure) {
        return statements.stream().mapToLong(figure).sum();
    }
}
