package io.symphainy.runtime.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Proves that a server URL from the environment is turned into per-database URLs without losing its options.
 */
class PostgresServerTest {

    @Test
    void movesCredentialsOutOfTheUrlAndKeepsOtherParameters() {
        PostgresServer server = PostgresServer.fromJdbcUrl(
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=ci&sslmode=disable&password=secret");

        assertThat(server.adminUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable");
        assertThat(server.urlFor("runtime_test_x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/runtime_test_x?sslmode=disable");
    }

    @Test
    void replacesTheDatabaseOfEveryUrlShape() {
        assertThat(PostgresServer.fromJdbcUrl("jdbc:postgresql://db:5432/postgres?user=postgres").urlFor("d"))
                .isEqualTo("jdbc:postgresql://db:5432/d");
        assertThat(PostgresServer.fromJdbcUrl("jdbc:postgresql://a:1,b:2/postgres").urlFor("d"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/d");
        assertThat(PostgresServer.fromJdbcUrl("jdbc:postgresql://db/").urlFor("d"))
                .isEqualTo("jdbc:postgresql://db/d");
        assertThat(PostgresServer.fromJdbcUrl("jdbc:postgresql:postgres").urlFor("d"))
                .isEqualTo("jdbc:postgresql:d");
    }

    @Test
    void rejectsUrlsOfOtherDatabases() {
        assertThatThrownBy(() -> PostgresServer.fromJdbcUrl("jdbc:h2:mem:x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
