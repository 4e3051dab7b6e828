package io.symphainy.runtime.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An NDJSON export of 100,000 audit timeline entries streams through real HTTP while the heap the server and the
 * client retain stays flat: far below the export's size. The rows are written to the read model directly in SQL (it
 * is a read-model export test), for a tenant of their own, and removed afterwards.
 *
 * <p>The server runs in this JVM, so the heap sampled between lines (after a full collection) includes whatever the
 * controller holds. A calibration pass keeps the export's lines, as a buffering controller would at the least, and
 * shows that the same measurement then grows past the bound: the assertion can fail.
 */
class AuditExportMemoryHttpTest extends HttpTestSupport {

    static final String EXPORT_TENANT = "tenant-export";
    static final String EXPORT_AUDITOR = "http-test-export-auditor";
    static final int ROWS = 100_000;
    static final int SAMPLE_EVERY = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(AuditExportMemoryHttpTest.class);

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void removeRows() {
        jdbc.update("delete from audit_timeline_entry where tenant_id = ?", EXPORT_TENANT);
    }

    @Test
    void anExportOfAHundredThousandEventsKeepsTheHeapFlat() throws IOException, InterruptedException {
        insertRows();
        long baseline = retainedHeap();

        Export streamed = export(false, baseline);

        assertThat(streamed.entries()).isEqualTo(ROWS);
        assertThat(streamed.lastLine()).startsWith("{\"type\":\"completeness\"");
        long bound = streamed.bytes() / 4;
        assertThat(streamed.bytes()).as("export size").isGreaterThan(50L * 1024 * 1024);
        assertThat(streamed.peakGrowth()).as("peak retained heap growth while streaming %d bytes",
                streamed.bytes()).isLessThan(bound);

        Export kept = export(true, retainedHeap());
        LOG.info("NDJSON export of {} entries, {} bytes: peak retained heap growth {} bytes streamed, {} bytes with"
                + " the lines kept (bound {})", streamed.entries(), streamed.bytes(), streamed.peakGrowth(),
                kept.peakGrowth(), bound);
        assertThat(kept.peakGrowth()).as("retained growth when the export's lines are kept").isGreaterThan(bound);
    }

    private void insertRows() {
        int inserted = jdbc.update("""
                insert into audit_timeline_entry (event_identifier, tenant_id, session_id, execution_id, user_id,
                    intent_type, capability, event_type, outcome, summary, step_name, attempt, duration_millis,
                    occurred_at, payload)
                select 'export-' || ? || '-' || g, ?, gen_random_uuid(), gen_random_uuid(), 'ezra',
                    'diagnostics.echo', 'diagnostics.echo', 'StepSucceededEvent', null,
                    'step step' || (g % 3) || ' attempt 1 succeeded in ' || g || ' ms', 'step' || (g % 3), 1, g,
                    now(), jsonb_build_object('index', g, 'padding', repeat(md5(g::text), 8))
                from generate_series(1, ?) g""", UUID.randomUUID().toString(), EXPORT_TENANT, ROWS);
        assertThat(inserted).isEqualTo(ROWS);
    }

    /** Reads the whole export line by line, sampling the retained heap every {@value #SAMPLE_EVERY} lines. */
    private Export export(boolean keepLines, long baseline) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/audit/events?format=ndjson"))
                .timeout(Duration.ofMinutes(5)).header("X-API-Key", EXPORT_AUDITOR).GET().build();
        HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> kept = new ArrayList<>();
        long bytes = 0;
        int lines = 0;
        long peak = 0;
        String last = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
                lines++;
                last = line;
                if (keepLines) {
                    kept.add(line);
                }
                if (lines % SAMPLE_EVERY == 0) {
                    peak = Math.max(peak, retainedHeap() - baseline);
                }
            }
        }
        peak = Math.max(peak, retainedHeap() - baseline);
        assertThat(kept).hasSize(keepLines ? lines : 0);
        return new Export(lines - 1, bytes, peak, last);
    }

    /** The heap in use after a full collection: what is still referenced. */
    private static long retainedHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private record Export(int entries, long bytes, long peakGrowth, String lastLine) {
    }
}
