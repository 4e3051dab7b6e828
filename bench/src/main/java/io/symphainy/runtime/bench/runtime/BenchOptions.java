package io.symphainy.runtime.bench.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long and how hard the runtime benchmark runs: the full run (about 15 minutes on 2 cores) or {@code --quick} (a
 * few minutes, one repetition, a smaller store), plus {@code --jfr} (record the runtime with Flight Recorder),
 * {@code --keep-databases}, {@code --end-to-end-only} (the ceiling, warm-up and end-to-end figures, printed only: a
 * quick A/B of a change), {@code --store-only} (the ceiling, the warm-up's executions as the store's seed, then the
 * store phase: audit queries, replays and the rebuild, printed only), {@code --nodes-only} (the ceiling and the
 * several-nodes phase of {@link NodesBenchmark}), {@code --concurrency N}, {@code --no-policy} (measure a tenant
 * without a published policy instead of one with an allow-all policy) and {@code --runtime-env NAME=VALUE}
 * (repeatable: an environment variable for the runtime, to measure a tuning such as
 * {@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE=40}).
 */
record BenchOptions(boolean quick, boolean jfr, boolean keepDatabases, boolean noPolicy, boolean endToEndOnly,
                    boolean storeOnly, boolean nodesOnly, Map<String, String> runtimeEnv,
                    int concurrency, Path repository, Path runtimeJar, Path results, String host) {

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        boolean jfr = false;
        boolean keep = false;
        boolean noPolicy = false;
        boolean endToEndOnly = false;
        boolean storeOnly = false;
        boolean nodesOnly = false;
        int concurrency = 16;
        Map<String, String> runtimeEnv = new LinkedHashMap<>();
        Path repository = Path.of(".").toAbsolutePath().normalize();
        Path jar = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--jfr" -> jfr = true;
                case "--keep-databases" -> keep = true;
                case "--no-policy" -> noPolicy = true;
                case "--end-to-end-only" -> endToEndOnly = true;
                case "--store-only" -> storeOnly = true;
                case "--nodes-only" -> nodesOnly = true;
                case "--concurrency" -> concurrency = Integer.parseInt(args[++i]);
                case "--runtime-env" -> {
                    String[] setting = args[++i].split("=", 2);
                    runtimeEnv.put(setting[0], setting[1]);
                }
                case "--repository" -> repository = Path.of(args[++i]).toAbsolutePath().normalize();
                case "--jar" -> jar = Path.of(args[++i]);
                default -> {
                    if (!args[i].isBlank()) {
                        throw new IllegalArgumentException("unknown option " + args[i]);
                    }
                }
            }
        }
        Path runtimeJar = jar != null ? jar : repository.resolve("runtime-api/target/runtime-api.jar");
        String host = System.getenv().getOrDefault("BENCH_PG_HOST", "127.0.0.1:5432");
        return new BenchOptions(quick, jfr, keep, noPolicy, endToEndOnly, storeOnly, nodesOnly, runtimeEnv, concurrency,
                repository, runtimeJar, repository.resolve("bench/results"), host);
    }

    int repetitions() {
        return quick ? 1 : 3;
    }

    Duration seconds(int full, int quickSeconds) {
        return Duration.ofSeconds(quick ? quickSeconds : full);
    }

    long storeEvents() {
        return quick ? 200_000 : 1_000_000;
    }

    int queries() {
        return quick ? 100 : 300;
    }
}
