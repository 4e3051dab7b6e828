package io.symphainy.runtime.api.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every row of every table of the test database as a fingerprint, so that two readings tell which rows a stretch of
 * requests added, changed or removed, and how many of those name a given tenant.
 */
final class TableRows {

    /** Axon's processors renew their segment claims, and nodes their heartbeats, on a timer, whatever requests do. */
    private static final Set<String> RENEWED_ON_A_TIMER = Set.of("token_entry", "runtime_node");

    /** One table's rows: how often each row's fingerprint occurs, and the text of the rows that name the tenant. */
    record Table(Map<String, Integer> counts, Map<String, String> namingTenant) {
    }

    /** The rows a stretch added or removed in one table; a changed row counts once each way. */
    record Change(String table, int added, int removed, List<String> namingTenant) {
    }

    private TableRows() {
    }

    /** Reads every row of every table but Axon's claim table. */
    static Map<String, Table> read(JdbcTemplate jdbc, String tenant) {
        Map<String, Table> tables = new HashMap<>();
        List<String> names = jdbc.queryForList("select quote_ident(schemaname) || '.' || quote_ident(tablename)"
                + " from pg_tables where schemaname not in ('pg_catalog', 'information_schema')", String.class);
        for (String name : names) {
            if (RENEWED_ON_A_TIMER.contains(name.substring(name.indexOf('.') + 1))) {
                continue;
            }
            Table table = new Table(new HashMap<>(), new HashMap<>());
            jdbc.query("select md5(t::text), case when strpos(t::text, ?) > 0 then left(t::text, 400) end from "
                    + name + " t", row -> {
                        String hash = row.getString(1);
                        table.counts().merge(hash, 1, Integer::sum);
                        if (row.getString(2) != null) {
                            table.namingTenant().put(hash, row.getString(2));
                        }
                    }, tenant);
            tables.put(name, table);
        }
        return tables;
    }

    /** The tables whose rows differ between the two readings. */
    static List<Change> changes(Map<String, Table> before, Map<String, Table> after) {
        List<Change> changes = new ArrayList<>();
        for (String name : after.keySet()) {
            Table was = before.getOrDefault(name, new Table(Map.of(), Map.of()));
            Table is = after.get(name);
            List<String> naming = new ArrayList<>();
            int added = difference(is, was, naming);
            int removed = difference(was, is, naming);
            if (added + removed > 0) {
                changes.add(new Change(name, added, removed, naming));
            }
        }
        return changes;
    }

    /** Rows of {@code left} beyond those of {@code right}; the text of those that name the tenant goes to naming. */
    private static int difference(Table left, Table right, List<String> naming) {
        int rows = 0;
        for (Map.Entry<String, Integer> row : left.counts().entrySet()) {
            int extra = row.getValue() - right.counts().getOrDefault(row.getKey(), 0);
            if (extra > 0) {
                rows += extra;
                String text = left.namingTenant().get(row.getKey());
                if (text != null) {
                    naming.add(text);
                }
            }
        }
        return rows;
    }
}
