package io.symphainy.runtime.core.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.Driver;
import org.postgresql.PGProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server on which tests create one new database per request and sweep up what old runs left behind.
 */
final class PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

    static final String DATABASE_PREFIX = "runtime_test_";
    private static final String URL_PREFIX = "jdbc:postgresql:";
    private static final String HOST_PREFIX = URL_PREFIX + "//";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern TEST_DATABASE = Pattern.compile(DATABASE_PREFIX + "(\\d{14})_[0-9a-f]+");
    private static final int RANDOM_SUFFIX_BYTES = 4;
    /** The conventional superuser, for URLs that name no user. */
    private static final String DEFAULT_USER = "postgres";
    private static final String NO_PASSWORD = "";

    private final String adminUrl;
    private final String username;
    private final String password;

    PostgresServer(String adminUrl, String username, String password) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
    }

    /** Reads a server from a JDBC URL whose database is used for administration; credentials move out of the URL. */
    static PostgresServer fromJdbcUrl(String jdbcUrl) {
        Properties parsed = Driver.parseURL(jdbcUrl, null);
        if (parsed == null) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + jdbcUrl);
        }
        String user = parsed.getProperty(PGProperty.USER.getName(), DEFAULT_USER);
        String secret = parsed.getProperty(PGProperty.PASSWORD.getName(), NO_PASSWORD);
        return new PostgresServer(withoutCredentials(jdbcUrl), user, secret);
    }

    String adminUrl() {
        return adminUrl;
    }

    TestDatabase createDatabase() {
        String name = DATABASE_PREFIX + LocalDateTime.now(ZoneOffset.UTC).format(TIMESTAMP) + "_" + randomSuffix();
        // template0 and the C locale give the same empty database whichever server or image provides it.
        execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        return new TestDatabase(urlFor(name), username, password);
    }

    /** Drops test databases older than {@code age}; younger ones may belong to a build running right now. */
    void dropTestDatabasesOlderThan(Duration age) {
        Instant cutoff = Instant.now().minus(age);
        try {
            for (String name : testDatabaseNames()) {
                Matcher matcher = TEST_DATABASE.matcher(name);
                if (matcher.matches() && createdAt(matcher.group(1)).isBefore(cutoff)) {
                    dropQuietly(name);
                }
            }
        } catch (SQLException e) {
            LOG.warn("Could not list old test databases on {}: {}", adminUrl, e.getMessage());
        }
    }

    String urlFor(String database) {
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        if (base.startsWith(HOST_PREFIX)) {
            int pathStart = base.indexOf('/', HOST_PREFIX.length());
            String hosts = pathStart < 0 ? base : base.substring(0, pathStart);
            return hosts + "/" + database + parameters;
        }
        return URL_PREFIX + database + parameters;
    }

    private static Instant createdAt(String timestamp) {
        return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    private List<String> testDatabaseNames() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = connect();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT datname FROM pg_database WHERE datname LIKE ?")) {
            // Underscores are LIKE wildcards, so the prefix's own underscores are escaped.
            statement.setString(1, DATABASE_PREFIX.replace("_", "\\_") + "%");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private void dropQuietly(String name) {
        try {
            execute("DROP DATABASE IF EXISTS " + name);
            LOG.info("Dropped old test database {}", name);
        } catch (IllegalStateException e) {
            LOG.warn("Could not drop old test database {}: {}", name, e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Failed on test database server " + adminUrl + ": " + sql, e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, username, password);
    }

    private static String randomSuffix() {
        byte[] bytes = new byte[RANDOM_SUFFIX_BYTES];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        if (query < 0) {
            return jdbcUrl;
        }
        String kept = Arrays.stream(jdbcUrl.substring(query + 1).split("&"))
                .filter(parameter -> !isCredential(parameter))
                .filter(parameter -> !parameter.isEmpty())
                .collect(Collectors.joining("&"));
        return jdbcUrl.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static boolean isCredential(String parameter) {
        String key = parameter.split("=", 2)[0];
        return key.equals(PGProperty.USER.getName()) || key.equals(PGProperty.PASSWORD.getName());
    }
}
