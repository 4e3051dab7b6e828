package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CPU time PostgreSQL spends, when it runs on this machine: every process whose command line starts with
 * {@code postgres} (its backends and its background writers, checkpointer, autovacuum), read from {@code /proc}. A
 * window's figure is the difference of two snapshots; a backend started within the window counts whole, and the
 * backends named in {@code excluded} (the benchmark's own polling connection) do not count.
 */
final class PostgresCpu {

    private static final Path PROC = Path.of("/proc");

    /** CPU ms by PostgreSQL process id at one moment; empty when no PostgreSQL process is visible here. */
    record Snapshot(Map<Long, Double> millisByPid) {

        /** CPU ms spent since {@code before}, without the excluded backends; NaN when PostgreSQL is not local. */
        double millisSince(Snapshot before, Set<Long> excluded) {
            if (millisByPid.isEmpty()) {
                return Double.NaN;
            }
            double total = 0;
            for (Map.Entry<Long, Double> process : millisByPid.entrySet()) {
                if (!excluded.contains(process.getKey())) {
                    total += process.getValue() - before.millisByPid.getOrDefault(process.getKey(), 0.0);
                }
            }
            return total;
        }
    }

    private PostgresCpu() {
    }

    static Snapshot snapshot() {
        Map<Long, Double> millis = new HashMap<>();
        try (Stream<Path> processes = Files.list(PROC)) {
            processes.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(process -> readPostgres(process, millis));
        } catch (IOException | UncheckedIOException ignored) {
            return new Snapshot(Map.of());
        }
        return new Snapshot(millis);
    }

    /** Adds the process's CPU time (as {@link RuntimeProcess#cpuMillis} reads its own) when it is PostgreSQL's. */
    private static void readPostgres(Path process, Map<Long, Double> into) {
        try {
            if (!Files.readString(process.resolve("cmdline")).startsWith("postgres")) {
                return;
            }
        } catch (IOException gone) {
            return;
        }
        long pid = Long.parseLong(process.getFileName().toString());
        ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .ifPresent(cpu -> into.put(pid, cpu.toNanos() / 1e6));
    }
}
