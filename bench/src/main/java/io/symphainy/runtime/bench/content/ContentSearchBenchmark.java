package io.symphainy.runtime.bench.content;

import io.symphainy.runtime.core.capability.spi.StepContext;
import io.symphainy.runtime.core.saga.messages.StepPhase;
import io.symphainy.runtime.core.common.messages.TenantId;
import io.symphainy.runtime.core.execution.messages.ExecutionId;
import io.symphainy.runtime.core.session.messages.SessionId;
import io.symphainy.runtime.realm.content.config.ContentProperties;
import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import io.symphainy.runtime.realm.content.search.SearchStep;
import io.symphainy.runtime.realm.content.store.ChunkSetRow;
import io.symphainy.runtime.realm.content.store.ContentStore;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.unit.DataSize;

/**
 * Latency of one {@code content.search} over a tenant's chunks in PostgreSQL, before and after the streamed search:
 * "load all" is the former strategy (every chunk of the tenant read with its text, decoded, scored by cosine, the
 * whole list sorted), "streamed top-k" is {@link SearchStep} as it runs now. Both embed the query the same way, so
 * the query embedding's own cost is measured too; heap allocated per search shows what each holds in memory.
 * Works in a scratch database created on the server of {@code BENCH_JDBC_URL} (default: local PostgreSQL, user
 * postgres) and dropped afterwards.
 */
final class ContentSearchBenchmark {

    static final int CHUNKS = 5000;
    private static final int CHUNKS_PER_SET = 100;
    private static final int DIMENSIONS = 384;
    private static final int WORDS_PER_CHUNK = 120;
    private static final int WARM_UP = 3;
    static final int QUERIES = 15;
    private static final String TENANT = "bench-tenant";
    private static final String QUERY = "an Italian pasta dinner recipe";

    /** Median milliseconds and megabytes allocated per search (load all, streamed), and per query embedding. */
    record Figures(Sample embedQuery, Sample loadAll, Sample streamed) {
    }

    /** Median wall time and heap allocated by one call. */
    record Sample(double millis, double allocatedMegabytes) {
    }

    private ContentSearchBenchmark() {
    }

    static Figures measure(Embedder embedder) {
        String baseUrl = System.getenv().getOrDefault("BENCH_JDBC_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        String database = "bench_content_" + UUID.randomUUID().toString().replace("-", "");
        JdbcTemplate admin = new JdbcTemplate(new DriverManagerDataSource(baseUrl));
        admin.execute("create database " + database);
        try {
            HikariDataSource scratch = new HikariDataSource();
            scratch.setJdbcUrl(baseUrl.replaceFirst("(//[^/]+/)[^?]*", "$1" + database));
            scratch.setMaximumPoolSize(2);
            Flyway.configure().dataSource(scratch).locations("classpath:db/migration/content").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(scratch);
            ContentStore store = new ContentStore(jdbc, new DataSourceTransactionManager(scratch));
            UUID session = UUID.randomUUID();
            seed(store, session);
            SearchStep search = new SearchStep(store, embedder, new ContentProperties(DataSize.ofMegabytes(20),
                    DataSize.ofKilobytes(256), Duration.ofHours(48), Duration.ofMinutes(10), 200_000, null, 120, 30,
                    false));
            StepContext context = new StepContext(new TenantId(TENANT), new SessionId(session),
                    ExecutionId.random(), "content.search", "content.search", "search", 0, 1, StepPhase.FORWARD,
                    Map.of("query", QUERY, "top_k", 5), Map.of(), Map.of());
            Sample embed = sample(() -> embedder.embed(QUERY));
            Sample loadAll = sample(() -> loadAll(jdbc, embedder));
            Sample streamed = sample(() -> search.search(context));
            scratch.close();
            return new Figures(embed, loadAll, streamed);
        } finally {
            admin.execute("drop database if exists " + database + " with (force)");
        }
    }

    private static void seed(ContentStore store, UUID session) {
        Random random = new Random(42);
        String[] words = (ContentFixtures.COOKING + " " + ContentFixtures.ASTRONOMY).split("\\s+");
        for (int set = 0; set < CHUNKS / CHUNKS_PER_SET; set++) {
            List<String> texts = new ArrayList<>();
            List<float[]> vectors = new ArrayList<>();
            for (int chunk = 0; chunk < CHUNKS_PER_SET; chunk++) {
                StringBuilder text = new StringBuilder();
                for (int word = 0; word < WORDS_PER_CHUNK; word++) {
                    text.append(words[random.nextInt(words.length)]).append(' ');
                }
                texts.add(text.toString().strip());
                float[] vector = new float[DIMENSIONS];
                for (int i = 0; i < DIMENSIONS; i++) {
                    vector[i] = (float) random.nextGaussian();
                }
                vectors.add(vector);
            }
            String ref = UUID.randomUUID().toString();
            store.saveChunks(TENANT, session, new ChunkSetRow(ref, ref + "-e", ref + "-d", texts, vectors));
        }
    }

    /** The former search: every chunk with its text, decoded, scored by cosine and sorted whole. */
    private static void loadAll(JdbcTemplate jdbc, Embedder embedder) {
        float[] query = embedder.embed(QUERY);
        List<Map.Entry<String, Double>> scored = new ArrayList<>();
        jdbc.query("select chunk_set_ref, seq, document_ref, text, embedding from content_chunk where tenant_id = ?",
                (row, n) -> {
                    float[] vector = new float[DIMENSIONS];
                    ByteBuffer.wrap(row.getBytes(5)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
                    return Map.entry(row.getString(4), Embedder.cosine(query, vector));
                }, TENANT).forEach(scored::add);
        scored.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()));
    }

    private static Sample sample(Runnable search) {
        for (int i = 0; i < WARM_UP; i++) {
            search.run();
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        List<Double> millis = new ArrayList<>();
        List<Double> megabytes = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long started = System.nanoTime();
            search.run();
            millis.add((System.nanoTime() - started) / 1e6);
            megabytes.add((threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6);
        }
        return new Sample(median(millis), median(megabytes));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }
}
