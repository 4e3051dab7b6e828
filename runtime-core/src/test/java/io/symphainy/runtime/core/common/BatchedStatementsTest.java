package io.symphainy.runtime.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.symphainy.runtime.core.common.BatchedStatements.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a batch's statements are cut into waves: each key's statements in order, equal SQL of a wave together. */
class BatchedStatementsTest {

    private static final String INSERT = "insert";
    private static final String START = "start";
    private static final String FINISH = "finish";

    @Test
    void theNthStatementOfEveryKeyRunsInTheNthWaveWithTheSameSqlTogether() {
        List<Map<String, List<Object[]>>> waves = BatchedStatements.waves(List.of(
                statement("a", INSERT, 1), statement("b", INSERT, 2), statement("a", START, 3),
                statement("c", FINISH, 4), statement("b", START, 5), statement("a", FINISH, 6)));

        assertThat(waves).hasSize(3);
        assertThat(waves.get(0).keySet()).containsExactly(INSERT, FINISH);
        assertThat(arguments(waves.get(0).get(INSERT))).containsExactly(1, 2);
        assertThat(arguments(waves.get(0).get(FINISH))).containsExactly(4);
        assertThat(waves.get(1).keySet()).containsExactly(START);
        assertThat(arguments(waves.get(1).get(START))).containsExactly(3, 5);
        assertThat(waves.get(2).keySet()).containsExactly(FINISH);
        assertThat(arguments(waves.get(2).get(FINISH))).containsExactly(6);
    }

    @Test
    void statementsOfOneKeyKeepTheirOrderWhateverTheirSql() {
        List<Map<String, List<Object[]>>> waves = BatchedStatements.waves(List.of(
                statement("a", FINISH, 1), statement("a", INSERT, 2), statement("a", FINISH, 3)));

        assertThat(waves).extracting(Map::keySet).containsExactly(Set.of(FINISH), Set.of(INSERT),
                Set.of(FINISH));
    }

    private static Statement statement(String key, String sql, int argument) {
        return new Statement(key, sql, new Object[] {argument});
    }

    private static List<Object> arguments(List<Object[]> rows) {
        return rows.stream().map(row -> row[0]).toList();
    }
}
