package io.symphainy.runtime.core.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts rows with one statement whatever their number: each column's values travel as one array, and the arrays
 * are unnested in the rows' order. The rows take their generated keys (a {@code bigserial} position) in that order, as
 * they would inserted one by one, and PostgreSQL parses, binds and executes one statement instead of one per row (a
 * JDBC batch still sends, and PostgreSQL still runs, a statement per row). The statement's text does not depend on the
 * number of rows, so it is prepared once per connection.
 */
public final class UnnestedInsert {

    /**
     * A column of the insert.
     *
     * @param name     the column's name
     * @param sentAs   the type of its array's elements: {@code uuid}, {@code int8}, {@code int4} or a text type; the
     *                 values must then be {@link UUID}s, {@link Long}s, {@link Integer}s or {@link String}s
     * @param storedAs the type its values are cast to before they are stored ({@code jsonb}, {@code timestamptz}), or
     *                 null when stored as sent
     */
    public record Column(String name, String sentAs, String storedAs) {

        /** A column stored as sent. */
        public static Column of(String name, String sentAs) {
            return new Column(name, sentAs, null);
        }

        /** A column sent as text and cast to {@code storedAs}. */
        public static Column castFromText(String name, String storedAs) {
            return new Column(name, "text", storedAs);
        }

        private String selected() {
            return storedAs == null ? name : name + "::" + storedAs;
        }
    }

    private final List<Column> columns;
    private final String sql;

    /**
     * The insert of rows into {@code table}.
     *
     * @param onConflict what to do with a row that conflicts ({@code on conflict (...) do nothing}), or empty
     */
    public UnnestedInsert(String table, List<Column> columns, String onConflict) {
        this.columns = List.copyOf(columns);
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        this.sql = "insert into " + table + " (" + names + ") select "
                + columns.stream().map(Column::selected).collect(Collectors.joining(", "))
                + " from unnest(" + columns.stream().map(column -> "?::" + column.sentAs() + "[]")
                .collect(Collectors.joining(", "))
                + ") with ordinality as batch(" + names + ", ordinal) order by ordinal " + onConflict;
    }

    /** The statement's text: one parameter per column, each an array. */
    public String sql() {
        return sql;
    }

    /**
     * Inserts the rows, each the values of the columns in their order, in the caller's transaction; answers how many
     * were inserted.
     */
    public int insert(JdbcTemplate jdbc, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement(sql);
            bind(connection, insert, rows);
            return insert;
        });
    }

    /** Sets the statement's parameters to the rows' values, column by column. */
    public void bind(Connection connection, PreparedStatement insert, List<Object[]> rows) throws SQLException {
        for (int column = 0; column < columns.size(); column++) {
            String type = columns.get(column).sentAs();
            Object[] values = switch (type) {
                case "uuid" -> new UUID[rows.size()];
                case "int8" -> new Long[rows.size()];
                case "int4" -> new Integer[rows.size()];
                default -> new String[rows.size()];
            };
            for (int row = 0; row < rows.size(); row++) {
                Object value = rows.get(row)[column];
                try {
                    values[row] = value;
                } catch (ArrayStoreException wrongType) {
                    throw new IllegalArgumentException("column " + columns.get(column).name() + " is sent as " + type
                            + ", not as " + value.getClass().getSimpleName(), wrongType);
                }
            }
            insert.setArray(column + 1, connection.createArrayOf(type, values));
        }
    }
}
