package io.symphainy.runtime.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.symphainy.runtime.core.common.UnnestedInsert.Column;
import io.symphainy.runtime.core.testing.CoreTestApplication;
import io.symphainy.runtime.core.testing.WithTestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rows inserted with one statement, on PostgreSQL: every type, in the rows' order, conflicts as the clause says. */
@SpringBootTest(classes = CoreTestApplication.class, properties = "runtime.policy.default-decision=ALLOW")
@WithTestDatabase
class UnnestedInsertTest {

    private static final UnnestedInsert INSERT = new UnnestedInsert("unnested_probe", List.of(
            Column.of("name", "varchar"), Column.of("id", "uuid"), Column.of("amount", "int8"),
            Column.of("tries", "int4"), Column.castFromText("document", "jsonb"),
            Column.castFromText("at", "timestamptz")), "on conflict (name) do nothing");

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void probeTable() {
        jdbc.execute("drop table if exists unnested_probe");
        jdbc.execute("""
                create table unnested_probe (position bigserial primary key, name varchar(64) not null unique,
                    id uuid, amount bigint, tries integer, document jsonb, at timestamptz)""");
    }

    @Test
    void everyColumnOfEveryRowIsInsertedAndTheRowsTakeTheirPositionsInTheirOrder() {
        UUID id = UUID.randomUUID();
        Instant at = Instant.parse("2026-05-04T03:02:01.123456Z");
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {"full", id, 9_000_000_000L, 3, "{\"code\": \"BUSY\"}", at.toString()});
        rows.add(new Object[] {"bare", null, null, null, null, null});
        for (int i = 0; i < 200; i++) {
            rows.add(new Object[] {"row-" + (199 - i), null, (long) i, i, "{}", null});
        }

        INSERT.insert(jdbc, rows);

        assertThat(jdbc.queryForList("select name from unnested_probe order by position", String.class))
                .containsExactlyElementsOf(rows.stream().map(row -> (String) row[0]).toList());
        Map<String, Object> full = jdbc.queryForMap("select * from unnested_probe where name = 'full'");
        assertThat(Arrays.asList(full.get("id"), full.get("amount"), full.get("tries")))
                .containsExactly(id, 9_000_000_000L, 3);
        assertThat(((Timestamp) full.get("at")).toInstant()).isEqualTo(at);
        assertThat(jdbc.queryForObject("select document->>'code' from unnested_probe where name = 'full'",
                String.class)).isEqualTo("BUSY");
        Map<String, Object> bare = jdbc.queryForMap("select * from unnested_probe where name = 'bare'");
        assertThat(Arrays.asList(bare.get("id"), bare.get("amount"), bare.get("tries"), bare.get("document"),
                bare.get("at"))).containsOnlyNulls();
    }

    @Test
    void aConflictingRowIsHandledAsTheClauseSaysAndTheOthersAreInserted() {
        INSERT.insert(jdbc, List.<Object[]>of(new Object[] {"first", null, 1L, null, null, null}));

        INSERT.insert(jdbc, List.of(new Object[] {"first", null, 2L, null, null, null},
                new Object[] {"second", null, 3L, null, null, null},
                new Object[] {"second", null, 4L, null, null, null}));

        assertThat(jdbc.queryForList("select name || ':' || amount from unnested_probe order by position",
                String.class)).containsExactly("first:1", "second:3");
    }

    @Test
    void textThatLooksLikeArraySyntaxIsStoredAsItIs() {
        String document = "{\"said\": \"a \\\"quoted\\\" {brace}, a comma, a backslash \\\\ and NULL\"}";
        INSERT.insert(jdbc, List.of(new Object[] {"NULL", null, null, null, document, null},
                new Object[] {"{a,\"b\"}\\", null, null, null, "{}", null}));

        assertThat(jdbc.queryForList("select name from unnested_probe order by position", String.class))
                .containsExactly("NULL", "{a,\"b\"}\\");
        assertThat(jdbc.queryForObject("select document->>'said' from unnested_probe where name = 'NULL'",
                String.class)).isEqualTo("a \"quoted\" {brace}, a comma, a backslash \\ and NULL");
    }

    @Test
    void nothingToInsertRunsNoStatement() {
        jdbc.execute("drop table unnested_probe");

        INSERT.insert(jdbc, List.of());

        assertThat(INSERT.sql()).contains("unnest(?::varchar[], ?::uuid[], ?::int8[], ?::int4[], ?::text[], "
                + "?::text[]) with ordinality");
    }

    @Test
    void aValueOfAnotherTypeThanItsColumnIsSentAsIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> INSERT.insert(jdbc, List.<Object[]>of(new Object[] {"typed", "not a uuid", null,
                null, null, null}))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column id is sent as uuid, not as String");

        assertThat(jdbc.queryForObject("select count(*) from unnested_probe", Long.class)).isZero();
    }
}
