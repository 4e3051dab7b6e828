package io.symphainy.runtime.core.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a read model writes while a processor handles a batch of events, run together just before the batch
 * commits, in as few round trips as their order allows.
 *
 * <p>Each statement names the key of the rows it writes (an execution, a session). Statements of one key run in the
 * order they were added; statements of different keys touch different rows and may run in any order. So the batch is
 * cut into waves, the n-th statement of every key in the n-th wave, and each wave runs every statement of the same SQL
 * as one JDBC batch: a batch of events of many executions costs a round trip per wave and kind of statement, not one
 * per event. Without a unit of work a statement runs at once.
 */
public final class BatchedStatements {

    private static final String KIND = BatchedStatements.class.getName();

    private BatchedStatements() {
    }

    /**
     * Adds a statement to the current batch.
     *
     * @param key       the rows it writes: it runs after every statement added earlier with an equal key
     * @param sql       the statement
     * @param arguments its arguments
     */
    public static void add(JdbcTemplate jdbc, Object key, String sql, Object... arguments) {
        Statement statement = new Statement(key, sql, arguments);
        CommitBatches.add(kindOf(jdbc), statement, statements -> run(jdbc, statements));
        if (CurrentUnitOfWork.isStarted()) {
            lastByKey(jdbc).put(key, statement);
        }
    }

    /**
     * The arguments of the last statement added with the key to the current batch, when that statement is
     * {@code sql}: the caller may change them before the batch runs, to fold a write that would follow it into it.
     * Null when the key's last statement is another, when it has none, or without a unit of work.
     */
    public static Object[] lastOf(JdbcTemplate jdbc, Object key, String sql) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Statement last = lastByKey(jdbc).get(key);
        return last != null && last.sql().equals(sql) ? last.arguments() : null;
    }

    private static String kindOf(JdbcTemplate jdbc) {
        return KIND + "@" + System.identityHashCode(jdbc);
    }

    private static Map<Object, Statement> lastByKey(JdbcTemplate jdbc) {
        return CurrentUnitOfWork.get().root().getOrComputeResource(kindOf(jdbc) + ".last", kind -> new HashMap<>());
    }

    static void run(JdbcTemplate jdbc, List<Statement> statements) {
        for (Map<String, List<Object[]>> wave : waves(statements)) {
            wave.forEach((sql, rows) -> {
                if (rows.size() == 1) {
                    jdbc.update(sql, rows.get(0));
                } else {
                    jdbc.batchUpdate(sql, rows);
                }
            });
        }
    }

    /** The statements cut into waves: in each, the arguments of every statement by SQL, in the order they came. */
    static List<Map<String, List<Object[]>>> waves(List<Statement> statements) {
        Map<Object, Integer> taken = new HashMap<>();
        List<Map<String, List<Object[]>>> waves = new ArrayList<>();
        for (Statement statement : statements) {
            int wave = taken.merge(statement.key(), 1, Integer::sum) - 1;
            while (waves.size() <= wave) {
                waves.add(new LinkedHashMap<>());
            }
            waves.get(wave).computeIfAbsent(statement.sql(), sql -> new ArrayList<>()).add(statement.arguments());
        }
        return waves;
    }

    /** One statement, the key of the rows it writes and its arguments. */
    record Statement(Object key, String sql, Object[] arguments) {
    }
}
