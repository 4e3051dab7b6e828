package io.symphainy.runtime.api.crash;

import io.symphainy.runtime.core.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a crash loop left behind: the executions and idempotency keys in the event store, and every step run the
 * {@link LedgerCapability} wrote to its ledger.
 *
 * @param recordedExecutions  executions with an accepted intent in the event store
 * @param duplicatedKeys      idempotency keys recorded for more than one execution, with their count
 * @param runs                ledger runs: execution → step name → how many times it ran
 * @param runsByClass         ledger runs per side-effect class
 * @param repeatedRunsByClass ledger runs per side-effect class that were not the first of their execution's step
 */
record CrashLoopFindings(Set<String> recordedExecutions, Map<String, Integer> duplicatedKeys,
                         Map<String, Map<String, Integer>> runs, Map<String, Integer> runsByClass,
                         Map<String, Integer> repeatedRunsByClass) {

    static CrashLoopFindings read(TestDatabase database, Path ledger) throws SQLException, IOException {
        Set<String> executions = new HashSet<>();
        Map<String, Integer> duplicated = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
                database.password())) {
            try (ResultSet rows = connection.createStatement().executeQuery("select aggregate_identifier"
                    + " from domain_event_entry where payload_type like '%.IntentAcceptedEvent'")) {
                while (rows.next()) {
                    executions.add(rows.getString(1));
                }
            }
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    select payload ->> 'idempotencyKey', count(*) from domain_event_entry
                    where payload_type like '%.IntentAcceptedEvent' and payload ->> 'idempotencyKey' is not null
                    group by 1 having count(*) > 1""")) {
                while (rows.next()) {
                    duplicated.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        Map<String, Map<String, Integer>> runs = new HashMap<>();
        Map<String, Integer> byClass = new TreeMap<>();
        Map<String, Integer> repeated = new TreeMap<>();
        List<String> lines = Files.exists(ledger) ? Files.readAllLines(ledger) : List.of();
        for (String line : lines) {
            String[] run = line.split(" ");
            int times = runs.computeIfAbsent(run[0], e -> new HashMap<>()).merge(run[1], 1, Integer::sum);
            byClass.merge(run[3], 1, Integer::sum);
            if (times > 1) {
                repeated.merge(run[3], 1, Integer::sum);
            }
        }
        return new CrashLoopFindings(executions, duplicated, runs, byClass, repeated);
    }

    /** The steps that ran for the execution, with how often. */
    Map<String, Integer> stepsRun(String execution) {
        return runs.getOrDefault(execution, Map.of());
    }

    /** Executions whose NON_REPEATABLE step ran more than once; a correct runtime has none. */
    Set<String> nonRepeatableRunTwice() {
        Set<String> twice = new HashSet<>();
        runs.forEach((execution, steps) -> {
            if (steps.getOrDefault("non_repeatable", 0) > 1) {
                twice.add(execution);
            }
        });
        return twice;
    }
}
