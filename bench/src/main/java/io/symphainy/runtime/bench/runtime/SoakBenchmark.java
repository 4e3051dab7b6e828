package io.symphainy.runtime.bench.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The soak: the runtime jar under a mixed load (intents, retries, compensations, approvals, replays, audit queries,
 * uploads) for {@code --minutes} (30 by default) at {@code --rate} operations per second, with its live heap,
 * threads, open files and database connections sampled each minute; prints the samples, the answers by operation
 * and whether each resource stayed flat after the warm-up.
 *
 * <p>Run: {@code java -cp <bench classpath> io.symphainy.runtime.bench.runtime.SoakBenchmark --jar
 * runtime-api/target/runtime-api.jar [--minutes 30] [--rate 20] [--warm-up 5]}.
 */
public final class SoakBenchmark {

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = SoakVerdict.options(args);
        Path jar = Path.of(options.getOrDefault("--jar", "runtime-api/target/runtime-api.jar"));
        int minutes = Integer.parseInt(options.getOrDefault("--minutes", "30"));
        int rate = Integer.parseInt(options.getOrDefault("--rate", "20"));
        int warmUp = Integer.parseInt(options.getOrDefault("--warm-up", Integer.toString(Math.min(5, minutes / 3))));
        String runId = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        Path workDir = Files.createDirectories(Path.of("bench/results/soak-" + runId));
        Databases databases = new Databases(System.getenv().getOrDefault("BENCH_PG_HOST", "127.0.0.1:5432"),
                "postgres");
        String database = "bench_soak_" + runId;
        databases.create(database);
        List<ResourceSample> samples = new ArrayList<>();
        try (RuntimeProcess runtime = RuntimeProcess.start(jar, databases, database, 18090, workDir, null,
                Map.of())) {
            SoakClient client = new SoakClient(runtime.baseUri());
            client.put("/policy", SoakLoad.policy());
            System.out.printf("soak: %d min at %d ops/s (warm-up %d min), runtime log in %s%n", minutes, rate,
                    warmUp, workDir);
            System.out.println(ResourceSample.header());
            try (SoakLoad load = new SoakLoad(client, new Sessions(new RuntimeClient(runtime.baseUri()), 20))) {
                load.start(rate);
                long started = System.nanoTime();
                for (int minute = 0; minute <= minutes; minute++) {
                    sleepUntil(started + Duration.ofMinutes(minute).toNanos());
                    ResourceSample sample = ResourceSample.take(minute, runtime, databases, database);
                    samples.add(sample);
                    System.out.println(sample.row());
                }
                System.out.println();
                load.counts().forEach((key, count) -> System.out.printf("%-32s %8d%n", key, count));
            }
        } finally {
            databases.drop(database);
        }
        System.out.println();
        System.out.print(new SoakVerdict(samples, warmUp).report());
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
