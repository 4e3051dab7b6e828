package io.symphainy.runtime.api.health;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Whether the database answers: a trivial query that reads no table, for the health endpoint.
 */
@Component
class DatabaseProbe {

    private final JdbcTemplate jdbc;

    DatabaseProbe(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean answers() {
        try {
            return Integer.valueOf(1).equals(jdbc.queryForObject("select 1", Integer.class));
        } catch (RuntimeException unreachable) {
            return false;
        }
    }
}
