package io.symphainy.runtime.bench.content;

import io.symphainy.runtime.realm.content.embed.Chunker;
import io.symphainy.runtime.realm.content.embed.Embedder;
import io.symphainy.runtime.realm.content.fixtures.ContentFixtures;
import io.symphainy.runtime.realm.content.parse.ContentParser;
import io.symphainy.runtime.realm.content.parse.ParsedContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.dao.DataAccessException;

/**
 * Parse and embed throughput of the content realm on this machine: pages per second through Tika for a generated
 * PDF, and chunks per second through the in-process all-MiniLM-L6-v2 model, each as the median and spread of
 * repeated runs after a warm-up; then the latency of one search over a few thousand stored chunks
 * ({@link ContentSearchBenchmark}). Prints a table and writes {@code content.json} into the directory given as the
 * first argument.
 */
public final class ContentThroughputBenchmark {

    private static final int PAGES = 40;
    private static final int RUNS = 5;
    private static final int PARSES_PER_RUN = 5;
    private static final int CHUNK_WORDS = 120;
    private static final int CHUNK_OVERLAP_WORDS = 30;

    private ContentThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        ContentParser parser = new ContentParser();
        Embedder embedder = new Embedder();
        byte[] pdf = ContentFixtures.pdf("Benchmark corpus", pages());

        ParsedContent parsed = parser.parse(pdf, "corpus.pdf");
        List<String> chunks = Chunker.chunk(parsed.text(), CHUNK_WORDS, CHUNK_OVERLAP_WORDS);
        embedder.embed(chunks);

        List<Double> pagesPerSecond = new ArrayList<>();
        List<Double> chunksPerSecond = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            for (int parse = 0; parse < PARSES_PER_RUN; parse++) {
                parser.parse(pdf, "corpus.pdf");
            }
            pagesPerSecond.add(rate((long) PAGES * PARSES_PER_RUN, started));
            started = System.nanoTime();
            embedder.embed(chunks);
            chunksPerSecond.add(rate(chunks.size(), started));
        }
        String table = String.format(Locale.ROOT, """
                content realm throughput (%d runs after warm-up, %d cores, Java %s)
                figure            median      min       max
                parse pages/s   %8.1f  %8.1f  %8.1f   (PDF of %d pages, Tika %s)
                embed chunks/s  %8.1f  %8.1f  %8.1f   (%d chunks of %d words, overlap %d, %s)
                """, RUNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                median(pagesPerSecond), Collections.min(pagesPerSecond), Collections.max(pagesPerSecond), PAGES,
                ContentParser.VERSION, median(chunksPerSecond), Collections.min(chunksPerSecond),
                Collections.max(chunksPerSecond), chunks.size(), CHUNK_WORDS, CHUNK_OVERLAP_WORDS, Embedder.MODEL);
        System.out.print(table);
        ContentSearchBenchmark.Figures search = null;
        try {
            search = ContentSearchBenchmark.measure(embedder);
            System.out.print(searchTable(search));
        } catch (DataAccessException noDatabase) {
            System.out.println("search not measured: no PostgreSQL reachable through BENCH_JDBC_URL ("
                    + noDatabase.getMostSpecificCause().getMessage() + ")");
        }
        write(results, pagesPerSecond, chunksPerSecond, search);
    }

    private static String searchTable(ContentSearchBenchmark.Figures search) {
        return String.format(Locale.ROOT, """
                search over %d chunks in PostgreSQL (median of %d)   ms/query   MB allocated/query
                  load all (former)                              %8.1f   %8.1f
                  streamed top-k                                 %8.1f   %8.1f
                  of which query embedding                       %8.1f   %8.1f
                """, ContentSearchBenchmark.CHUNKS, ContentSearchBenchmark.QUERIES, search.loadAll().millis(),
                search.loadAll().allocatedMegabytes(), search.streamed().millis(),
                search.streamed().allocatedMegabytes(), search.embedQuery().millis(),
                search.embedQuery().allocatedMegabytes());
    }

    private static String searchJson(ContentSearchBenchmark.Figures search) {
        if (search == null) {
            return "null";
        }
        return String.format(Locale.ROOT, """
                {"chunks": %d,
                    "load_all": {"ms": %.1f, "mb_allocated": %.1f},
                    "streamed_top_k": {"ms": %.1f, "mb_allocated": %.1f},
                    "query_embedding": {"ms": %.1f, "mb_allocated": %.1f}}""", ContentSearchBenchmark.CHUNKS,
                search.loadAll().millis(), search.loadAll().allocatedMegabytes(), search.streamed().millis(),
                search.streamed().allocatedMegabytes(), search.embedQuery().millis(),
                search.embedQuery().allocatedMegabytes());
    }

    private static String[] pages() {
        return IntStream.range(0, PAGES)
                .mapToObj(page -> (page % 2 == 0 ? ContentFixtures.COOKING : ContentFixtures.ASTRONOMY)
                        + " Page " + page + " continues the survey with further notes, measurements and remarks"
                        + " that a reader would expect in a long report of this kind.")
                .toArray(String[]::new);
    }

    private static double rate(long units, long startedNanos) {
        return units / ((System.nanoTime() - startedNanos) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void write(Path results, List<Double> pages, List<Double> chunks,
                              ContentSearchBenchmark.Figures search) throws IOException {
        Files.createDirectories(results);
        String json = String.format(Locale.ROOT, """
                {
                  "parse_pages_per_second": {"median": %.1f, "min": %.1f, "max": %.1f},
                  "embed_chunks_per_second": {"median": %.1f, "min": %.1f, "max": %.1f},
                  "search_per_query": %s
                }
                """, median(pages), Collections.min(pages), Collections.max(pages), median(chunks),
                Collections.min(chunks), Collections.max(chunks), searchJson(search));
        Files.writeString(results.resolve("content.json"), json);
    }
}
