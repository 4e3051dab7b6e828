package io.symphainy.runtime.bench.runtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's databases on the local PostgreSQL: each run creates its own, named {@code bench_<purpose>_<run>},
 * drops those a previous run left behind, and drops its own at the end.
 */
final class Databases {

    static final String PREFIX = "bench_";
    private final String host;
    private final String user;

    Databases(String host, String user) {
        this.host = host;
        this.user = user;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + "/" + database;
    }

    String user() {
        return user;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, "");
    }

    /** Drops every database whose name starts with {@code bench_}: what earlier runs left behind. */
    void dropLeftovers() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect("postgres"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select datname from pg_database where datname like 'bench\\_%'")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        for (String name : names) {
            drop(name);
        }
    }

    void create(String database) throws SQLException {
        drop(database);
        execute("postgres", "create database " + database);
    }

    void drop(String database) throws SQLException {
        execute("postgres", "drop database if exists " + database + " with (force)");
    }

    void execute(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long queryLong(String database, String sql) throws SQLException {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Committed transactions of the database so far, read on a fresh connection after PostgreSQL's statistics have
     * been flushed. The read itself is one transaction, which callers subtract.
     */
    long committedTransactions(String database) throws SQLException, InterruptedException {
        Thread.sleep(1_200);
        return queryLong("postgres",
                "select xact_commit from pg_stat_database where datname = '" + database + "'");
    }
}
