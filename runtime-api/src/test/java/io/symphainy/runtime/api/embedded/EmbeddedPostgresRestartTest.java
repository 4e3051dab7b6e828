package io.symphainy.runtime.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;

/**
 * Proves that the embedded database keeps its data across restarts on the same data directory, including after a
 * killed runtime left its pid file behind.
 */
class EmbeddedPostgresRestartTest {

    private static final Log LOG = LogFactory.getLog(EmbeddedPostgresRestartTest.class);
    private static final String PID_FILE = "postmaster.pid";

    @TempDir
    Path dataDirectory;

    @Test
    void dataWrittenBeforeARestartIsReadAfterIt() throws Exception {
        try (EmbeddedPostgresLease first = acquire()) {
            execute(first, "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('kept')");
        }
        assertThat(dataDirectory.resolve("postgresql.conf")).exists();

        try (EmbeddedPostgresLease second = acquire()) {
            assertThat(readSurvivor(second)).isEqualTo("kept");
        }
    }

    @Test
    void startsAgainWhenThePidFileNamesAProcessThatIsNotPostgres() throws Exception {
        try (EmbeddedPostgresLease first = acquire()) {
            execute(first, "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('kept')");
        }
        // After a container restart the recorded pid often belongs to another process, such as the new JVM itself.
        Files.writeString(dataDirectory.resolve(PID_FILE),
                ProcessHandle.current().pid() + "\n" + dataDirectory + "\n", StandardCharsets.UTF_8);

        try (EmbeddedPostgresLease second = acquire()) {
            assertThat(readSurvivor(second)).isEqualTo("kept");
        }
    }

    @Test
    void startsAgainWhenThePidFileNamesADeadProcess() throws Exception {
        try (EmbeddedPostgresLease first = acquire()) {
            execute(first, "CREATE TABLE survivor (name text)", "INSERT INTO survivor VALUES ('kept')");
        }
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Files.writeString(dataDirectory.resolve(PID_FILE),
                finished.pid() + "\n" + dataDirectory + "\n", StandardCharsets.UTF_8);

        try (EmbeddedPostgresLease second = acquire()) {
            assertThat(readSurvivor(second)).isEqualTo("kept");
        }
    }

    @Test
    void leasesOnOneDirectoryShareOneServerUntilTheLastIsClosed() throws Exception {
        EmbeddedPostgresLease first = acquire();
        try (EmbeddedPostgresLease second = acquire()) {
            assertThat(second.port()).isEqualTo(first.port());
            first.close();
            assertThat(EmbeddedPostgresRegistry.isRunning(dataDirectory)).isTrue();
            execute(second, "SELECT 1");
        }
        assertThat(EmbeddedPostgresRegistry.isRunning(dataDirectory)).isFalse();
    }

    private EmbeddedPostgresLease acquire() throws Exception {
        EmbeddedPostgresProperties defaults = Binder.get(new StandardEnvironment())
                .bindOrCreate(EmbeddedPostgresProperties.PREFIX, EmbeddedPostgresProperties.class);
        return EmbeddedPostgresRegistry.acquire(dataDirectory, defaults, LOG);
    }

    private static void execute(EmbeddedPostgresLease lease, String... statements) throws SQLException {
        try (Connection connection = connect(lease); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static String readSurvivor(EmbeddedPostgresLease lease) throws SQLException {
        try (Connection connection = connect(lease);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT name FROM survivor")) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresLease lease) throws SQLException {
        return DriverManager.getConnection(lease.jdbcUrl(), EmbeddedPostgresLease.USER, "");
    }
}
