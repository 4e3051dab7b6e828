package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ceiling: single-row INSERT transactions per second on the same PostgreSQL at the same concurrency, measured
 * with {@code pgbench} and a custom script of one INSERT per transaction, in a database of its own.
 */
final class PgbenchCeiling {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private PgbenchCeiling() {
    }

    /** Transactions per second of each repetition. */
    static List<Double> measure(Databases databases, String database, String host, int concurrency,
                                Duration perRun, int repetitions, Path workDir)
            throws IOException, InterruptedException, SQLException {
        databases.create(database);
        databases.execute(database, """
                create table bench_insert (id bigserial primary key, payload jsonb not null,
                                           created_at timestamptz not null default now())""");
        Path script = workDir.resolve("single-insert.sql");
        Files.writeString(script, "insert into bench_insert (payload) values ('{\"step\": 1}');\n");
        List<Double> tps = new ArrayList<>();
        for (int run = 0; run < repetitions; run++) {
            Process pgbench = new ProcessBuilder("pgbench", "-n", "-h", host.split(":")[0], "-p",
                    host.contains(":") ? host.split(":")[1] : "5432", "-U", databases.user(),
                    "-c", Integer.toString(concurrency), "-j", "2", "-T", Long.toString(perRun.toSeconds()),
                    "-f", script.toString(), database).redirectErrorStream(true).start();
            String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            pgbench.waitFor();
            Matcher matcher = TPS.matcher(output);
            if (!matcher.find()) {
                throw new IOException("pgbench printed no tps: " + output);
            }
            tps.add(Double.parseDouble(matcher.group(1)));
            System.out.printf("  pgbench %d clients run %d: %s single-insert transactions/s%n", concurrency,
                    run + 1, matcher.group(1));
        }
        databases.drop(database);
        return tps;
    }
}
