package io.symphainy.runtime.core.infrastructure;

import io.symphainy.runtime.core.config.ProcessorProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How many threads a tracking processor needs: one per segment. A processor's segment count is fixed when its tokens
 * are first stored ({@code runtime.processors.segments}); a store created with more segments than that setting now
 * names keeps them, and each needs a thread of its own, or it is never processed. So every processor gets as many
 * threads as the setting or the widest processor in the store, whichever is larger.
 */
@Component
public class StoredSegments {

    private final JdbcTemplate jdbc;
    private final ProcessorProperties properties;
    private volatile Integer widestStored;

    StoredSegments(JdbcTemplate jdbc, ProcessorProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Threads for a processor split into {@link ProcessorProperties#segments()} segments when it is new. */
    public int threadsPerProcessor() {
        return Math.max(properties.segments(), widestStored());
    }

    /** The most segments any processor has in the token store; 0 for a new store. Read once. */
    int widestStored() {
        Integer widest = widestStored;
        if (widest == null) {
            widest = jdbc.queryForObject("""
                    select coalesce(max(segments), 0) from (
                        select count(*) as segments from token_entry group by processor_name) as processors""",
                    Integer.class);
            widestStored = widest;
        }
        return widest;
    }
}
