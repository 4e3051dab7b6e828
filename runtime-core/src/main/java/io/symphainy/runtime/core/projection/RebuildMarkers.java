package io.symphainy.runtime.core.projection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The durable mark of a rebuild under way: its processor's token. It is stored in the transaction that clears the read
 * model and deleted in the one that hands the read model back to the shared processor, so a node that stops in between
 * finds the rebuild on restart and carries it on.
 */
@Component
class RebuildMarkers {

    private static final String PREFIX = "rebuild-";

    private final JdbcTemplate jdbc;

    RebuildMarkers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The name of the processor that rebuilds the read model. */
    static String processorOf(String readModel) {
        return PREFIX + readModel;
    }

    /** The read models whose rebuild is under way, by their rebuild processors' stored tokens. */
    Set<String> rebuilding() {
        return jdbc.queryForList("select distinct processor_name from token_entry where processor_name like ?",
                String.class, PREFIX + "%").stream().map(name -> name.substring(PREFIX.length()))
                .collect(Collectors.toSet());
    }

    /** Removes the mark: the read model is the shared processor's again. Called in the hand-over's transaction. */
    void remove(String readModel) {
        jdbc.update("delete from token_entry where processor_name = ?", processorOf(readModel));
    }

    /**
     * How many of the given event-store positions hold a committed event: positions a rebuild skipped while their
     * transactions were under way, and must still handle before it hands over.
     */
    int committedAmong(Collection<Long> positions) {
        if (positions.isEmpty()) {
            return 0;
        }
        Long[] candidates = positions.toArray(Long[]::new);
        return jdbc.query(connection -> {
            PreparedStatement select = connection.prepareStatement("""
                    select count(*) from unnest(?::bigint[]) as gap(position)
                    join domain_event_entry e on e.global_index = gap.position""");
            select.setArray(1, connection.createArrayOf("bigint", candidates));
            return select;
        }, (ResultSet rows) -> rows.next() ? rows.getInt(1) : 0);
    }
}
