package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.stream.Stream;

/**
 * What the soak samples of the runtime each minute: the live heap (after a full GC), live threads and open file
 * descriptors of its process (from /proc), and its connections to PostgreSQL (from pg_stat_activity).
 */
record ResourceSample(int minute, double liveHeapMiB, long threads, long openFiles, long connections) {

    static ResourceSample take(int minute, RuntimeProcess runtime, Databases databases, String database)
            throws Exception {
        Path process = Path.of("/proc", Long.toString(runtime.pid()));
        return new ResourceSample(minute, runtime.liveHeapMiB(), threads(process), openFiles(process),
                connections(databases, database));
    }

    /** The runtime's connections, or -1 when PostgreSQL cannot be asked (e.g. it has no connection left to give). */
    private static long connections(Databases databases, String database) {
        try {
            return databases.queryLong(database, "select count(*) from pg_stat_activity where datname = '"
                    + database + "' and backend_type = 'client backend'") - 1;
        } catch (SQLException unavailable) {
            System.out.println("connections not sampled: " + unavailable.getMessage());
            return -1;
        }
    }

    private static long threads(Path process) throws IOException {
        try (Stream<String> lines = Files.lines(process.resolve("status"))) {
            return lines.filter(line -> line.startsWith("Threads:")).mapToLong(
                    line -> Long.parseLong(line.substring("Threads:".length()).strip())).findFirst().orElse(-1);
        }
    }

    private static long openFiles(Path process) throws IOException {
        try (Stream<Path> descriptors = Files.list(process.resolve("fd"))) {
            return descriptors.count();
        }
    }

    String row() {
        return String.format("%6d %14.1f %8d %10d %12d", minute, liveHeapMiB, threads, openFiles, connections);
    }

    static String header() {
        return String.format("%6s %14s %8s %10s %12s", "minute", "live heap MiB", "threads", "open files",
                "connections");
    }
}
