package io.symphainy.runtime.bench.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The runtime under test: {@code runtime-api.jar} started as a child JVM against the run's database, with the
 * benchmark's API key, {@code diagnostics.echo} on and policy default ALLOW; optionally with a JFR recording.
 */
final class RuntimeProcess implements AutoCloseable {

    static final String API_KEY = "bench-admin";
    static final String TENANT = "bench-tenant";
    /** A second user of the tenant, who approves what the first submits (approvals need four eyes). */
    static final String APPROVER_KEY = "bench-approver";
    /** The key of a second tenant, whose light load the fairness phase measures beside the first tenant's flood. */
    static final String SECOND_TENANT_KEY = "bench-second-tenant";
    static final String SECOND_TENANT = "bench-tenant-b";
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;

    /** The JVM options the README's run command (and the Dockerfile) start the runtime with. */
    static final List<String> RUN_OPTIONS = List.of("-Xmx512m");

    private RuntimeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar, its output going to {@code runtime.log}, and waits until {@code GET /health} answers 200. */
    static RuntimeProcess start(Path jar, Databases databases, String database, int port, Path workDir,
                                Path jfrFile, Map<String, String> tuning) throws IOException, InterruptedException {
        return start(jar, databases, database, port, workDir, jfrFile, tuning, "runtime.log");
    }

    /**
     * Starts the jar, its output appended to {@code workDir/log} (one log per node when several run), and waits until
     * {@code GET /health} answers 200.
     */
    static RuntimeProcess start(Path jar, Databases databases, String database, int port, Path workDir,
                                Path jfrFile, Map<String, String> tuning, String log)
            throws IOException, InterruptedException {
        Path keys = writeKeys(workDir);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(RUN_OPTIONS);
        if (jfrFile != null) {
            command.add("-XX:FlightRecorderOptions=stackdepth=256");
            command.add("-XX:StartFlightRecording=filename=" + jfrFile + ",settings="
                    + System.getProperty("bench.jfr.settings", "profile") + ",dumponexit=true");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(log).toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", databases.jdbcUrl(database));
        env.put("SPRING_DATASOURCE_USERNAME", databases.user());
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("RUNTIME_API_KEYS_FILE", keys.toString());
        env.put("RUNTIME_DIAGNOSTICS_ENABLED", "true");
        env.put("RUNTIME_POLICY_DEFAULTDECISION", "ALLOW");
        env.put("PORT", Integer.toString(port));
        env.put("LOGGING_LEVEL_ROOT", "WARN");
        env.putAll(tuning);
        RuntimeProcess runtime = new RuntimeProcess(builder.start(), port);
        Runtime.getRuntime().addShutdownHook(new Thread(runtime.process::destroyForcibly));
        runtime.awaitHealthy();
        return runtime;
    }

    /**
     * Writes the API keys file, through a temporary file moved into place, so that a node starting beside running
     * ones never shows them a half-written file.
     */
    private static Path writeKeys(Path workDir) throws IOException {
        Path keys = workDir.resolve("bench-api-keys.yaml");
        Path written = Files.createTempFile(workDir, "bench-api-keys", ".yaml");
        Files.writeString(written, """
                - key: %s
                  tenant_id: %s
                  user_id: bench
                  roles: [submitter, approver, operator, auditor, admin]
                - key: %s
                  tenant_id: %s
                  user_id: bench-approver
                  roles: [approver]
                - key: %s
                  tenant_id: %s
                  user_id: bench-b
                  roles: [submitter, operator, admin]
                """.formatted(API_KEY, TENANT, APPROVER_KEY, TENANT, SECOND_TENANT_KEY, SECOND_TENANT));
        return Files.move(written, keys, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    long pid() {
        return process.pid();
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    private void awaitHealthy() throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the runtime exited with " + process.exitValue() + "; see runtime.log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(baseUri().resolve("/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the port is not open yet
            }
            Thread.sleep(500);
        }
        throw new IOException("the runtime did not become healthy within 180 s");
    }

    /** CPU time the child JVM has used so far, in ms (all threads, user and system). */
    double cpuMillis() {
        return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e6).orElse(Double.NaN);
    }

    /** Used heap in MiB now, from {@code jcmd <pid> GC.heap_info}. */
    double heapUsedMiB() throws IOException, InterruptedException {
        return parseHeapUsed(jcmd("GC.heap_info"));
    }

    /** Runs a full GC in the child, then reads the used heap: the live set. */
    double liveHeapMiB() throws IOException, InterruptedException {
        jcmd("GC.run");
        return heapUsedMiB();
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(jcmdBinary(), Long.toString(pid()), command).redirectErrorStream(true)
                .start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        return output;
    }

    static double parseHeapUsed(String heapInfo) {
        Matcher matcher = HEAP_USED.matcher(heapInfo);
        if (!matcher.find()) {
            throw new IllegalStateException("no heap figure in: " + heapInfo);
        }
        return Long.parseLong(matcher.group(1)) / 1024.0;
    }

    /** Kills the child without warning (SIGKILL), as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the child gracefully (SIGTERM), forcibly after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jcmdBinary() {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    }
}
